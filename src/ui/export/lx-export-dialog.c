/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "lx-date.h"
#include "lx-export-dialog.h"
#include "lx-export.h"
#include "lx-repo.h"

/* The window of "Export Workbook…": a period, an organization, the privacy
 * switch and a file; the export runs in a thread with progress and Cancel. */

struct _LxExportDialog
{
  AdwWindow      parent_instance;

  LxStore       *store;
  GSettings     *settings;
  GPtrArray     *orgs;          /* LxOrganization; index + 1 in org_row */
  GCancellable  *cancellable;   /* while an export runs */
  GtkFileChooserNative *chooser;
  char          *file;
  int            year;

  AdwComboRow   *kind_row;
  AdwEntryRow   *period_row;
  AdwComboRow   *org_row;
  GtkSwitch     *unmasked_switch;
  AdwActionRow  *file_row;
  GtkWidget     *choose_button;
  GtkWidget     *export_button;
  GtkWidget     *cancel_button;
  GtkWidget     *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel      *status_label;
  GtkWidget     *open_button;
};

G_DEFINE_FINAL_TYPE (LxExportDialog, lx_export_dialog, ADW_TYPE_WINDOW)

static gboolean
period_valid (LxExportDialog *self,
              LxPeriod       *out)
{
  LxPeriod scratch;

  return lx_period_parse (gtk_editable_get_text (GTK_EDITABLE (self->period_row)),
                          out ? out : &scratch, NULL);
}

static void
update_sensitivity (LxExportDialog *self)
{
  gboolean running = self->cancellable != NULL;
  gboolean valid = period_valid (self, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->period_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->period_row), "error");
  gtk_widget_set_sensitive (self->export_button, !running && valid && self->file != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->org_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unmasked_switch), !running);
  gtk_widget_set_sensitive (self->choose_button, !running);
}

static void
set_file (LxExportDialog *self,
          const char     *path)
{
  g_free (self->file);
  self->file = g_strdup (path);
  adw_action_row_set_subtitle (self->file_row, path ? path : "");
  gtk_widget_set_visible (self->open_button, FALSE);
  update_sensitivity (self);
}

static void
suggest_file (LxExportDialog *self)
{
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *period = gtk_editable_get_text (GTK_EDITABLE (self->period_row));
  g_autofree char *safe = g_strdelimit (g_strdup (period), "./", '-');
  /* Translators: the suggested file name of the workbook; %s is the period. */
  g_autofree char *name = g_strdup_printf (_("Workbook %s.xlsx"), safe);
  g_autofree char *path = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    dir = g_get_home_dir ();
  path = g_build_filename (dir, name, NULL);

  set_file (self, path);
}

static void
on_kind_changed (LxExportDialog *self)
{
  g_autofree char *today = lx_date_today ();
  int this_year = lx_date_current_year ();
  int month = self->year == this_year ? atoi (today + 5) : 12;
  g_autofree char *text = NULL;

  switch (adw_combo_row_get_selected (self->kind_row))
    {
    case 1:
      text = g_strdup_printf ("%d-Q%d", self->year, (month + 2) / 3);
      break;
    case 2:
      text = g_strdup_printf ("%d-%02d", self->year, month);
      break;
    case 3:
      text = self->year == this_year ? g_strdup_printf ("%d-01-01..%s", self->year, today)
                                     : g_strdup_printf ("%d-01-01..%d-12-31", self->year, self->year);
      break;
    default:
      text = g_strdup_printf ("%d", self->year);
      break;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->period_row), text);
  suggest_file (self);
}

static void
on_period_changed (LxExportDialog *self)
{
  update_sensitivity (self);
}

static void
on_chooser_response (LxExportDialog *self,
                     int             response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL && !g_str_has_suffix (path, ".xlsx"))
        {
          g_autofree char *with = g_strconcat (path, ".xlsx", NULL);
          set_file (self, with);
        }
      else if (path != NULL)
        set_file (self, path);
    }
  g_clear_object (&self->chooser);
}

/* GtkFileChooserNative: GtkFileDialog needs GTK 4.10. */
static void
on_choose_clicked (LxExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base = self->file ? g_path_get_basename (self->file) : NULL;
  g_autofree char *dir = self->file ? g_path_get_dirname (self->file) : NULL;

  self->chooser = gtk_file_chooser_native_new (_("Save Workbook"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (dir != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  if (base != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), base);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
show_status (LxExportDialog *self,
             const char     *text)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  LxExportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LxExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (self->progress_box, FALSE);
  if (lx_export_run_finish (result, &error))
    {
      message = g_strdup_printf (_("Saved “%s”."), self->file);
      gtk_widget_set_visible (self->open_button, TRUE);
      gtk_window_set_default_widget (GTK_WINDOW (self), self->open_button);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("The export was cancelled; no file was written."));
  else
    message = g_strdup (error->message);
  show_status (self, message);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  update_sensitivity (self);
}

static void
on_export_clicked (LxExportDialog *self)
{
  LxExportOptions options = { 0 };
  guint org = adw_combo_row_get_selected (self->org_row);

  if (self->cancellable != NULL || self->file == NULL || !period_valid (self, &options.period))
    return;
  if (org != GTK_INVALID_LIST_POSITION && org > 0 && org <= self->orgs->len)
    options.org_id = ((LxOrganization *)g_ptr_array_index (self->orgs, org - 1))->id;
  options.unmasked = gtk_switch_get_active (self->unmasked_switch);

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_widget_set_visible (self->open_button, FALSE);
  show_status (self, NULL);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Cancel"));
  update_sensitivity (self);
  lx_export_run_async (lx_store_get_path (self->store), &options, self->file, on_progress, self,
                       self->cancellable, on_export_done, g_object_ref (self));
}

static void
on_cancel_clicked (LxExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* GtkFileLauncher needs GTK 4.10: hand the file to the desktop's default. */
static void
on_open_clicked (LxExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = self->file ? g_filename_to_uri (self->file, NULL, NULL) : NULL;

  if (uri != NULL && !g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_status (self, error->message);
}

static gboolean
lx_export_dialog_close_request (GtkWindow *window)
{
  LxExportDialog *self = LX_EXPORT_DIALOG (window);

  /* Closing stops the export; the thread removes its .part file. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (lx_export_dialog_parent_class)->close_request (window);
}

static void
fill_organizations (LxExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  gtk_string_list_append (names, _("The whole unit"));
  self->orgs = lx_repo_list_organizations (self->store, &error);
  if (self->orgs == NULL)
    {
      g_warning ("Cannot list the organizations: %s", error->message);
      self->orgs = g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint i = 0; i < self->orgs->len; i++)
    gtk_string_list_append (names, ((LxOrganization *)g_ptr_array_index (self->orgs, i))->name);
  adw_combo_row_set_model (self->org_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->org_row, 0);
}

static void
lx_export_dialog_dispose (GObject *object)
{
  LxExportDialog *self = LX_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->orgs, g_ptr_array_unref);
  g_clear_pointer (&self->file, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (lx_export_dialog_parent_class)->dispose (object);
}

static void
lx_export_dialog_class_init (LxExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lx_export_dialog_dispose;
  window_class->close_request = lx_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/lx-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, org_row);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, unmasked_switch);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, LxExportDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lx_export_dialog_init (LxExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
}

LxExportDialog *
lx_export_dialog_new (GtkWindow *parent,
                      LxStore   *store,
                      int        year)
{
  LxExportDialog *self;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  self = g_object_new (LX_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->year = year > 0 ? year : lx_date_current_year ();
  gtk_switch_set_active (self->unmasked_switch,
                         !g_settings_get_boolean (self->settings, "mask-exports"));
  fill_organizations (self);
  on_kind_changed (self);
  return self;
}
