/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-map-plan-menu"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lx-map-plan-menu.h"
#include "lx-window.h"

typedef struct
{
  GtkWidget *parent;     /* weak: the toast's window is found through it */
  LxStore   *store;
  gint64     site_id;
  char      *site_name;
  GBytes    *image;      /* removed plan, for Undo */
} PlanData;

static void
plan_data_free (gpointer data)
{
  PlanData *pd = data;

  g_clear_weak_pointer (&pd->parent);
  g_clear_object (&pd->store);
  g_free (pd->site_name);
  g_clear_pointer (&pd->image, g_bytes_unref);
  g_free (pd);
}

static PlanData *
plan_data_copy (const PlanData *pd)
{
  PlanData *copy = g_new0 (PlanData, 1);

  g_set_weak_pointer (&copy->parent, pd->parent);
  copy->store = g_object_ref (pd->store);
  copy->site_id = pd->site_id;
  copy->site_name = g_strdup (pd->site_name);
  return copy;
}

static void
show_toast (GtkWidget *parent,
            AdwToast  *toast)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
file_loaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlanData *pd = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  gsize length = 0;

  if (g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      image = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (lx_map_set_site_plan (pd->store, pd->site_id, image, &error))
        message = g_strdup_printf (_("Site plan of %s set"), pd->site_name);
    }
  if (error != NULL)
    message = g_strdup (error->message);
  show_toast (pd->parent, adw_toast_new (message));
  plan_data_free (pd);
}

static void
on_file_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  PlanData *pd = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL)
    {
      plan_data_free (pd);
      return;
    }
  g_file_load_contents_async (file, NULL, file_loaded, pd);
}

static void
set_plan (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  PlanData *pd = user_data;
  GtkNative *native = pd->parent != NULL ? gtk_widget_get_native (pd->parent) : NULL;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Set Site Plan"),
                                        GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG and JPEG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_response), plan_data_copy (pd));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_undo_remove (AdwToast *toast,
                PlanData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!lx_map_set_site_plan (undo->store, undo->site_id, undo->image, &error))
    show_toast (undo->parent, adw_toast_new (error->message));
}

static void
remove_plan (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PlanData *pd = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  PlanData *undo;
  AdwToast *toast;

  undo = plan_data_copy (pd);
  undo->image = lx_map_get_site_plan (pd->store, pd->site_id, &error);
  if (error != NULL || !lx_map_set_site_plan (pd->store, pd->site_id, NULL, &error))
    {
      show_toast (pd->parent, adw_toast_new (error->message));
      plan_data_free (undo);
      return;
    }
  title = g_strdup_printf (_("Removed the site plan of %s"), pd->site_name);
  toast = adw_toast_new (title);
  if (undo->image != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove), undo,
                             (GClosureNotify)(void (*) (void))plan_data_free, 0);
    }
  else
    plan_data_free (undo);
  show_toast (pd->parent, toast);
}

static gboolean
unparent_idle (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
on_menu_closed (GtkPopover *popover,
                GtkWidget  *parent)
{
  /* Unparented when closed, or it would outlive its menu; but only once
   * idle: a menu item closes the menu before it activates its action,
   * which must still find the action group through the popover's parent. */
  g_idle_add (unparent_idle, g_object_ref (popover));
}

void
lx_map_plan_menu_popup (GtkWidget *parent,
                        LxStore   *store,
                        LxMap     *map,
                        gint64     site_id,
                        double     x,
                        double     y)
{
  const GActionEntry entries[] = {
    { .name = "set", .activate = set_plan },
    { .name = "remove", .activate = remove_plan },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  LxMapSite *site = lx_map_get_site (map, site_id);
  GtkWidget *popover;
  PlanData *pd;

  g_return_if_fail (GTK_IS_WIDGET (parent) && LX_IS_STORE (store));
  if (site == NULL)
    return;
  pd = g_new0 (PlanData, 1);
  g_set_weak_pointer (&pd->parent, parent);
  pd->store = g_object_ref (store);
  pd->site_id = site_id;
  pd->site_name = g_strdup (site->name);
  /* The group holds the data until the next menu replaces it. */
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), pd);
  g_object_set_data_full (G_OBJECT (group), "plan-data", pd, plan_data_free);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), "remove")),
                               site->plan_image != NULL);
  gtk_widget_insert_action_group (parent, "site-plan", G_ACTION_GROUP (group));

  g_menu_append (menu, _("Set Site Plan…"), "site-plan.set");
  g_menu_append (menu, _("Remove Site Plan"), "site-plan.remove");
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, parent);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_signal_connect (popover, "closed", G_CALLBACK (on_menu_closed), parent);
  gtk_popover_popup (GTK_POPOVER (popover));
}
