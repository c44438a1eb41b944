/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-window"

#include "config.h"

#include <glib/gi18n.h>

#include "backup/lx-backup-dialog.h"
#include "lx-date.h"
#include "lx-demo.h"
#include "lx-households-view.h"
#include "appeals/lx-appeals-view.h"
#include "overview/lx-overview-view.h"
#include "calendar/lx-calendar-view.h"
#include "map/lx-map-view.h"
#include "pairing/lx-pairing-view.h"
#include "members/lx-members-view.h"
#include "evaluation/lx-evaluation-view.h"
#include "service/lx-service-view.h"
#include "visits/lx-visit-editor.h"
#include "lx-window.h"

#define N_YEARS 6

struct _LxWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  LxStore              *store;
  char                 *database_path;
  GCancellable         *cancellable;
  int                   first_year;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  AdwStatusPage        *error_page;
  GtkButton            *demo_button;
  GtkButton            *empty_button;
  GtkProgressBar       *demo_progress;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *content_box;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *year_dropdown;
  GtkStack             *view_stack;
  GtkWidget            *add_button;
};

G_DEFINE_FINAL_TYPE (LxWindow, lx_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_DATABASE_PATH, N_PROPS };
static GParamSpec *properties[N_PROPS];

LxStore *
lx_window_get_store (LxWindow *self)
{
  g_return_val_if_fail (LX_IS_WINDOW (self), NULL);
  return self->store;
}

void
lx_window_show_toast (LxWindow *self,
                      AdwToast *toast)
{
  g_return_if_fail (LX_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

int
lx_window_get_year (LxWindow *self)
{
  guint selected;

  g_return_val_if_fail (LX_IS_WINDOW (self), 0);

  selected = gtk_drop_down_get_selected (self->year_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  return self->first_year - (int)selected;
}

static void
show_error (LxWindow     *self,
            const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/* Views ------------------------------------------------------------------
 *
 * A view is a widget in the stack with a row in the sidebar. It may have a
 * writable "search" (string) and "year" (int) property, which follow the
 * header bar, and a readable "add-label" (string): when set, the Add button
 * shows and activates the view's "view.add" action. */

static gboolean
has_property (gpointer    object,
              const char *name)
{
  return object != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (object), name) != NULL;
}

static GtkWidget *
visible_view (LxWindow *self)
{
  return gtk_stack_get_visible_child (self->view_stack);
}

static void
sync_header (LxWindow *self)
{
  GtkWidget *view = visible_view (self);
  g_autofree char *add_label = NULL;
  gboolean searchable = has_property (view, "search");

  if (has_property (view, "add-label"))
    g_object_get (view, "add-label", &add_label, NULL);
  gtk_widget_set_visible (self->add_button, add_label != NULL);
  if (add_label != NULL)
    {
      g_autofree char *tooltip = g_strdup_printf (_("%s (Ctrl+N)"), add_label);
      gtk_widget_set_tooltip_text (self->add_button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), searchable);
  if (searchable)
    g_object_set (view, "search", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), NULL);
  if (has_property (view, "year"))
    g_object_set (view, "year", lx_window_get_year (self), NULL);
}

static GtkWidget *
sidebar_row (const char *name,
             const char *title,
             const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

/* A view is built the first time it is shown: the window opens sooner on a
 * large database, and the accessibility tree holds only what was seen. */
static void
add_view (LxWindow   *self,
          const char *name,
          const char *title,
          const char *icon_name,
          GType       view_type)
{
  GtkWidget *row = sidebar_row (name, title, icon_name);

  g_object_set_data (G_OBJECT (row), "view-type", GSIZE_TO_POINTER (view_type));
  g_object_set_data_full (G_OBJECT (row), "view-title", g_strdup (title), g_free);
  gtk_list_box_append (self->sidebar, row);
}

static GtkWidget *
ensure_view (LxWindow      *self,
             GtkListBoxRow *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));
  GtkWidget *view = gtk_stack_get_child_by_name (self->view_stack, name);

  if (view == NULL)
    {
      GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "view-type"));

      view = g_object_new (type, "store", self->store, NULL);
      gtk_stack_add_titled (self->view_stack, view, name, g_object_get_data (G_OBJECT (row), "view-title"));
    }
  return view;
}

/* Shows the view @name as if its sidebar row were chosen; NULL when there
 * is no such view. */
GtkWidget *
lx_window_show_view (LxWindow   *self,
                     const char *name)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LX_IS_WINDOW (self), NULL);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
      {
        gtk_list_box_select_row (self->sidebar, row);
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
        return ensure_view (self, row);
      }
  return NULL;
}

static void
show_main (LxWindow *self)
{
  /* Only views that work are listed. */
  add_view (self, "overview", _("Overview"), "view-grid-symbolic", LX_TYPE_OVERVIEW_VIEW);
  add_view (self, "households", _("Households"), "go-home-symbolic", LX_TYPE_HOUSEHOLDS_VIEW);
  add_view (self, "map", _("Contact Map"), "mark-location-symbolic", LX_TYPE_MAP_VIEW);
  add_view (self, "members", _("Members"), "avatar-default-symbolic", LX_TYPE_MEMBERS_VIEW);
  add_view (self, "calendar", _("Calendar"), "x-office-calendar-symbolic", LX_TYPE_CALENDAR_VIEW);
  add_view (self, "appeals", _("Appeals"), "mail-unread-symbolic", LX_TYPE_APPEALS_VIEW);
  add_view (self, "pairing", _("Pairing"), "system-users-symbolic", LX_TYPE_PAIRING_VIEW);
  add_view (self, "service", _("Service"), "emblem-favorite-symbolic", LX_TYPE_SERVICE_VIEW);
  add_view (self, "evaluation", C_("view", "Evaluation"), "starred-symbolic", LX_TYPE_EVALUATION_VIEW);

  gtk_stack_set_visible_child_name (self->main_stack, "main");
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.add", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.focus-search", TRUE);
  sync_header (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
open_store (LxWindow         *self,
            LxStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->store);
  self->store = lx_store_open (self->database_path, flags, &error);
  if (self->store == NULL)
    {
      show_error (self, error);
      return FALSE;
    }
  show_main (self);
  lx_backup_start_daily (self);   /* the day's backup, in a thread */
  return TRUE;
}

static void
set_welcome_busy (LxWindow *self,
                  gboolean  busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->demo_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_progress), busy);
}

typedef struct
{
  GWeakRef window;
  double   fraction;
} ProgressUpdate;

static gboolean
apply_progress (gpointer data)
{
  ProgressUpdate *update = data;
  g_autoptr(LxWindow) self = g_weak_ref_get (&update->window);

  if (self != NULL)
    gtk_progress_bar_set_fraction (self->demo_progress, update->fraction);
  g_weak_ref_clear (&update->window);
  g_free (update);
  return G_SOURCE_REMOVE;
}

static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  g_weak_ref_init (&update->window, user_data);
  update->fraction = fraction;
  g_idle_add (apply_progress, update);
}

/* Runs in a worker thread with a connection of its own. */
static void
generate_demo_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) store = NULL;
  LxDemoOptions options = { .seed = 2026, .households = 800, .today = NULL };

  store = lx_store_open (path, LX_STORE_OPEN_CREATE, &error);
  if (store == NULL ||
      !lx_demo_generate (store, &options, demo_progress_cb, source_object, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
generate_demo_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LxWindow *self = LX_WINDOW (object);
  g_autoptr(GError) error = NULL;

  set_welcome_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  open_store (self, LX_STORE_OPEN_DEFAULT);
}

static void
on_demo_clicked (LxWindow *self)
{
  g_autoptr(GTask) task = NULL;

  set_welcome_busy (self, TRUE);
  gtk_progress_bar_set_text (self->demo_progress, _("Creating a demo unit…"));
  gtk_progress_bar_set_fraction (self->demo_progress, 0);

  task = g_task_new (self, self->cancellable, generate_demo_done, NULL);
  g_task_set_source_tag (task, on_demo_clicked);
  g_task_set_task_data (task, g_strdup (self->database_path), g_free);
  g_task_run_in_thread (task, generate_demo_thread);
}

static void
on_empty_clicked (LxWindow *self)
{
  open_store (self, LX_STORE_OPEN_CREATE);
}

static void
on_sidebar_row_selected (LxWindow      *self,
                         GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  gtk_stack_set_visible_child (self->view_stack, ensure_view (self, row));
  sync_header (self);
}

static void
on_sidebar_row_activated (LxWindow      *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (LxWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_search_changed (LxWindow       *self,
                   GtkSearchEntry *entry)
{
  GtkWidget *view = visible_view (self);

  if (has_property (view, "search"))
    g_object_set (view, "search", gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);
}

static void
on_year_changed (LxWindow   *self,
                 GParamSpec *pspec,
                 GtkDropDown *dropdown)
{
  int year = lx_window_get_year (self);

  sync_header (self);
  g_settings_set_int (self->settings, "year-in-focus",
                      year == lx_date_current_year () ? 0 : year);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LxWindow *self = LX_WINDOW (widget);
  GtkWidget *view = visible_view (self);

  if (view != NULL && gtk_widget_get_visible (self->add_button))
    gtk_widget_activate_action (view, "view.add", NULL);
}

/* Ctrl+L from anywhere in the window: log a visit (issue 4). */
static void
log_visit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LxWindow *self = LX_WINDOW (widget);

  if (self->store != NULL)
    lx_visit_editor_present (widget, self->store, 0);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LxWindow *self = LX_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
setup_years (LxWindow *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  int saved = g_settings_get_int (self->settings, "year-in-focus");

  self->first_year = lx_date_current_year ();
  for (int i = 0; i < N_YEARS; i++)
    {
      /* Translators: a year in the year selector, "2026年" */
      g_autofree char *label = g_strdup_printf (_("%d"), self->first_year - i);
      gtk_string_list_append (years, label);
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  if (saved > 0 && saved <= self->first_year && saved > self->first_year - N_YEARS)
    gtk_drop_down_set_selected (self->year_dropdown, self->first_year - saved);
  g_signal_connect_swapped (self->year_dropdown, "notify::selected",
                            G_CALLBACK (on_year_changed), self);
}

static void
lx_window_unmap (GtkWidget *widget)
{
  LxWindow *self = LX_WINDOW (widget);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      int width, height;
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  GTK_WIDGET_CLASS (lx_window_parent_class)->unmap (widget);
}

static void
lx_window_constructed (GObject *object)
{
  LxWindow *self = LX_WINDOW (object);

  G_OBJECT_CLASS (lx_window_parent_class)->constructed (object);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.focus-search", FALSE);

  if (!g_file_test (self->database_path, G_FILE_TEST_EXISTS))
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else
    open_store (self, LX_STORE_OPEN_DEFAULT);
}

static void
lx_window_dispose (GObject *object)
{
  LxWindow *self = LX_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_WINDOW);

  G_OBJECT_CLASS (lx_window_parent_class)->dispose (object);
}

static void
lx_window_finalize (GObject *object)
{
  LxWindow *self = LX_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (lx_window_parent_class)->finalize (object);
}

static void
lx_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LxWindow *self = LX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LxWindow *self = LX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_window_class_init (LxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_window_constructed;
  object_class->dispose = lx_window_dispose;
  object_class->finalize = lx_window_finalize;
  object_class->get_property = lx_window_get_property;
  object_class->set_property = lx_window_set_property;
  widget_class->unmap = lx_window_unmap;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/lx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, empty_button);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LxWindow, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_demo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "window.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "window.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "window.log-visit", NULL, log_visit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "window.log-visit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "window.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "window.focus-search", NULL);
}

static void
lx_window_init (LxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  setup_years (self);
}

LxWindow *
lx_window_new (LxApplication *app,
               const char    *database_path)
{
  return g_object_new (LX_TYPE_WINDOW,
                       "application", app,
                       "database-path", database_path,
                       NULL);
}
