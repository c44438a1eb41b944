/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-calendar-export"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "lx-calendar-view.h"
#include "lx-date.h"
#include "lx-ics.h"
#include "lx-notice.h"
#include "lx-window.h"

/* The calendar's outputs: the reception-day notice printed or saved as a
 * PDF, and the calendar as an iCalendar file. Files are written in a
 * thread with a connection of its own, as every export is. */

static void
toast (GtkWidget  *widget,
       const char *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), adw_toast_new (text));
}

/* Printing ------------------------------------------------------------------ */

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                LxNotice          *notice)
{
  gtk_print_operation_set_n_pages (op, lx_notice_count_pages (notice->rows->len,
                                                              gtk_print_context_get_height (context)));
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              LxNotice          *notice)
{
  lx_notice_draw_page (notice, gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                       page);
}

static void
on_print_done (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               GtkWidget               *widget)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (op, &error);
      if (error != NULL)
        toast (widget, error->message);
    }
  g_object_unref (op);
}

static void
print_notice (GtkWidget  *widget,
                          LxStore    *store,
                          const char *from,
                          const char *to)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  GtkRoot *root = gtk_widget_get_root (widget);
  LxNotice *notice;

  /* Printing runs in the main thread: the notice is a few dozen rows. */
  if ((notice = lx_notice_load (store, from, to, today, &error)) == NULL)
    {
      toast (widget, error->message);
      return;
    }
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (op, setup);
  /* The notice keeps its own margins: draw on the whole sheet, in points. */
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, _("Reception Days of Party Representatives"));
  g_object_set_data_full (G_OBJECT (op), "notice", notice, (GDestroyNotify)lx_notice_free);
  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), notice);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), notice);
  /* Not a nested main loop: the window (and the accessibility bus) stay
   * responsive while the dialog is open. "done" drops this reference. */
  gtk_print_operation_set_allow_async (op, TRUE);
  g_signal_connect_object (op, "done", G_CALLBACK (on_print_done), widget, 0);
  g_object_ref (op);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (widget, error->message);
}

/* Saving to a file ------------------------------------------------------------ */

typedef enum { JOB_NOTICE_PDF, JOB_ICS } JobKind;

typedef struct
{
  JobKind  kind;
  char    *database;
  char    *path;
  char    *from;
  char    *to;
  char    *today;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->database);
  g_free (job->path);
  g_free (job->from);
  g_free (job->to);
  g_free (job->today);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(LxStore) store = NULL;
  g_autoptr(LxNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if ((store = lx_store_open (job->database, LX_STORE_OPEN_DEFAULT, &error)) == NULL)
    ok = FALSE;
  else if (job->kind == JOB_ICS)
    ok = lx_ics_write_file (store, job->from, job->to, job->path, &error);
  else
    ok = (notice = lx_notice_load (store, job->from, job->to, job->today, &error)) != NULL &&
         lx_notice_write_pdf (notice, job->path, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GtkWidget *widget = GTK_WIDGET (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    toast (widget, error->message);
  else
    {
      /* Translators: a toast after saving a file, "已保存 接待日安排.pdf" */
      message = g_strdup_printf (_("Saved %s"), name);
      toast (widget, message);
    }
}

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  Job             *job)
{
  GtkWidget *widget = g_object_get_data (G_OBJECT (dialog), "widget");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file == NULL || (job->path = g_file_get_path (file)) == NULL)
    {
      job_free (job);
      g_object_unref (dialog);
      return;
    }
  task = g_task_new (widget, NULL, job_done, NULL);
  g_task_set_source_tag (task, on_save_response);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
  g_object_unref (dialog);
}

static void
save_as (GtkWidget  *widget,
         LxStore    *store,
         JobKind     kind,
         const char *from,
         const char *to)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->database = g_strdup (lx_store_get_path (store));
  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->today = lx_date_today ();
  dialog = gtk_file_chooser_native_new (kind == JOB_ICS ? _("Export Calendar") : _("Export Reception Notice"),
                                        GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  if (kind == JOB_ICS)
    {
      gtk_file_filter_set_name (filter, _("iCalendar files"));
      gtk_file_filter_add_suffix (filter, "ics");
      /* Translators: the file name of the exported calendar */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Lianxin Calendar.ics"));
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_suffix (filter, "pdf");
      /* Translators: the file name of the reception notice */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Reception Days.pdf"));
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "widget", widget);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The notice covers the coming month when the calendar shows this month,
 * and the month shown otherwise. */
static void
notice_period (const char *focus,
               const char *today,
               char        from[11],
               char        to[11])
{
  int year = atoi (focus), month = atoi (focus + 5);

  if (year == atoi (today) && month == atoi (today + 5))
    {
      lx_notice_default_period (today, from, to);
      return;
    }
  g_snprintf (from, 11, "%04d-%02d-01", year, month);
  g_snprintf (to, 11, "%04d-%02d-%02d", year, month, g_date_get_days_in_month (month, year));
}

void
lx_calendar_output (GtkWidget  *widget,
                    LxStore    *store,
                    const char *what,
                    const char *focus,
                    const char *today)
{
  char from[11], to[11];

  g_return_if_fail (LX_IS_STORE (store) && what != NULL && focus != NULL && today != NULL);

  if (g_str_equal (what, "export-ics"))
    {
      /* From the first of the month shown, for a year. */
      lx_ics_default_period (focus, from, to);
      save_as (widget, store, JOB_ICS, from, to);
      return;
    }
  notice_period (focus, today, from, to);
  if (g_str_equal (what, "print-notice"))
    print_notice (widget, store, from, to);
  else
    save_as (widget, store, JOB_NOTICE_PDF, from, to);
}
