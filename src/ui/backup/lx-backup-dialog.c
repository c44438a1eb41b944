/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-backup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-backup.h"
#include "lx-backup-dialog.h"

/* Backup and Restore: the automatic backups beside the database, "Back Up
 * Now", and restoring one. Every copy runs in a thread with a connection of
 * its own. After a restore Lianxin closes: the window's views still hold the
 * old connection, and reopening everything in place is more risk than a
 * restart is worth. */

struct _LxBackupDialog
{
  AdwWindow        parent_instance;

  LxWindow        *window;
  char            *db_path;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  GtkButton       *backup_button;
  GtkSpinner      *spinner;
  GtkLabel        *folder_label;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (LxBackupDialog, lx_backup_dialog, ADW_TYPE_WINDOW)

static void reload (LxBackupDialog *self);

static void
toast (LxBackupDialog *self,
       const char     *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
set_busy (LxBackupDialog *self,
          gboolean        busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list), !busy);
}

/* ------------------------------------------------------------ back up */

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) store = lx_store_open (path, LX_STORE_OPEN_DEFAULT, &error);
  g_autofree char *made = NULL;

  if (store != NULL)
    made = lx_backup_make_daily (store, TRUE, NULL, cancellable, &error);
  if (made == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&made), g_free);
}

static void
backup_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LxBackupDialog *self = LX_BACKUP_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *made = g_task_propagate_pointer (G_TASK (result), &error);

  set_busy (self, FALSE);
  if (made == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  toast (self, _("Backed up"));
  reload (self);
}

static void
on_backup_clicked (LxBackupDialog *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, backup_done, NULL);

  set_busy (self, TRUE);
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  g_task_run_in_thread (task, backup_thread);
}

/* ------------------------------------------------------------ restore */

typedef struct
{
  char *db_path;
  char *backup_path;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_free (job->db_path);
  g_free (job->backup_path);
  g_free (job);
}

static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  if (!lx_backup_restore (job->db_path, job->backup_path, &saved, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_strdup (saved ? saved : ""), g_free);
}

static void
on_restored_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
restore_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LxBackupDialog *self = LX_BACKUP_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_task_propagate_pointer (G_TASK (result), &error);
  AdwMessageDialog *done;

  set_busy (self, FALSE);
  if (saved == NULL)
    {
      toast (self, error->message);
      return;
    }

  done = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Backup Restored"),
                                                     NULL));
  adw_message_dialog_format_body (done,
                                  _("The data it replaced is kept as “%s”. Lianxin closes now; "
                                    "start it again to work with the restored data."),
                                  *saved ? saved : "-");
  adw_message_dialog_add_response (done, "close", _("_Close Lianxin"));
  adw_message_dialog_set_default_response (done, "close");
  adw_message_dialog_set_close_response (done, "close");
  g_signal_connect (done, "response", G_CALLBACK (on_restored_response), NULL);
  gtk_window_present (GTK_WINDOW (done));
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  LxBackupDialog *self = LX_BACKUP_DIALOG (user_data);
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  g_autoptr(GTask) task = NULL;
  RestoreJob *job;

  if (!g_str_equal (response, "restore"))
    return;

  job = g_new0 (RestoreJob, 1);
  job->db_path = g_strdup (self->db_path);
  job->backup_path = g_strdup (path);
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, restore_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)restore_job_free);
  g_task_run_in_thread (task, restore_thread);
}

static void
on_restore_clicked (GtkButton      *button,
                    LxBackupDialog *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "backup-path");
  const char *date = g_object_get_data (G_OBJECT (button), "backup-date");
  AdwMessageDialog *confirm;

  confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (confirm, _("Restore the Backup of %s?"), date);
  adw_message_dialog_set_body (confirm,
                               _("The backup is checked first. The current data is then kept "
                                 "as a backup of its own and replaced by this backup. "
                                 "Lianxin closes afterwards."));
  adw_message_dialog_add_responses (confirm, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (confirm, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (confirm, "cancel");
  adw_message_dialog_set_close_response (confirm, "cancel");
  g_object_set_data_full (G_OBJECT (confirm), "backup-path", g_strdup (path), g_free);
  g_signal_connect_object (confirm, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (confirm));
}

/* --------------------------------------------------------------- list */

static GtkWidget *
backup_row (LxBackupDialog     *self,
            const LxBackupInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = g_strdup_printf (_("Restore the backup of %s"), info->date);

  if (info->before_restore)
    subtitle = g_strdup_printf (_("%s · kept before a restore · %s"), size, info->name);
  else
    subtitle = g_strdup_printf ("%s · %s", size, info->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (info->path), g_free);
  g_object_set_data_full (G_OBJECT (button), "backup-date", g_strdup (info->date), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (LxBackupDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = lx_backup_list (self->db_path, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (backups == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      gtk_list_box_append (self->list, row);
    }
  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->list, backup_row (self, g_ptr_array_index (backups, i)));
}

/* ----------------------------------------------------------- object */

static void
lx_backup_dialog_dispose (GObject *object)
{
  LxBackupDialog *self = LX_BACKUP_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_BACKUP_DIALOG);
  G_OBJECT_CLASS (lx_backup_dialog_parent_class)->dispose (object);
}

static void
lx_backup_dialog_finalize (GObject *object)
{
  LxBackupDialog *self = LX_BACKUP_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);
  G_OBJECT_CLASS (lx_backup_dialog_parent_class)->finalize (object);
}

static void
lx_backup_dialog_class_init (LxBackupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_backup_dialog_dispose;
  object_class->finalize = lx_backup_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/lx-backup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LxBackupDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LxBackupDialog, backup_button);
  gtk_widget_class_bind_template_child (widget_class, LxBackupDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LxBackupDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, LxBackupDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lx_backup_dialog_init (LxBackupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

LxBackupDialog *
lx_backup_dialog_new (LxWindow *window)
{
  LxBackupDialog *self;
  LxStore *store;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (LX_IS_WINDOW (window), NULL);
  store = lx_window_get_store (window);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (LX_TYPE_BACKUP_DIALOG, "transient-for", window, NULL);
  self->db_path = g_strdup (lx_store_get_path (store));
  dir = lx_backup_dir_for (self->db_path);
  text = g_strdup_printf (_("Lianxin backs up the database once a day when it starts, into “%s”. "
                            "It keeps the last 14 days and one backup per month for a year."),
                          dir);
  gtk_label_set_text (self->folder_label, text);
  reload (self);
  return self;
}

/* ------------------------------------------------- automatic backup */

static void
daily_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) store = lx_store_open (task_data, LX_STORE_OPEN_DEFAULT, &error);
  g_autofree char *made = NULL;

  if (store != NULL)
    made = lx_backup_make_daily (store, FALSE, NULL, cancellable, &error);
  if (made == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
daily_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = g_strdup_printf (_("The daily backup failed: %s"), error->message);
      AdwToast *t = adw_toast_new (text);

      adw_toast_set_timeout (t, 0);   /* stays until dismissed: the user should see it */
      lx_window_show_toast (LX_WINDOW (object), t);
    }
}

/**
 * lx_backup_start_daily:
 *
 * Makes the day's backup of @window's database in a thread, unless it exists;
 * a failure shows a toast. Never blocks the window.
 */
void
lx_backup_start_daily (LxWindow *window)
{
  LxStore *store = lx_window_get_store (window);
  g_autoptr(GTask) task = NULL;

  if (store == NULL || lx_store_is_read_only (store))
    return;
  task = g_task_new (window, NULL, daily_done, NULL);
  g_task_set_task_data (task, g_strdup (lx_store_get_path (store)), g_free);
  g_task_run_in_thread (task, daily_thread);
}
