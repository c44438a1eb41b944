/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx-date.h"
#include "lx-export-private.h"

/* The workbook for the superior organization: periods, the order of the
 * sheets, the .part file, and the thread. */

G_DEFINE_QUARK (lx-export-error-quark, lx_export_error)

/* --------------------------------------------------------------- periods */

static gboolean
period_error (const char  *text,
              GError     **error)
{
  g_set_error (error, LX_EXPORT_ERROR, LX_EXPORT_ERROR_PERIOD,
               _("“%s” is not a period: write 2026, 2026-Q3, 2026-05 or "
                 "2026-01-01..2026-06-30"), text);
  return FALSE;
}

static void
set_bounds (LxPeriod *out,
            int       y1,
            int       m1,
            int       d1,
            int       y2,
            int       m2,
            int       d2)
{
  g_snprintf (out->from, sizeof out->from, "%04d-%02d-%02d", y1, m1, d1);
  g_snprintf (out->to, sizeof out->to, "%04d-%02d-%02d", y2, m2, d2);
}

gboolean
lx_period_init (LxPeriod      *out,
                LxPeriodKind   kind,
                int            year,
                int            number,
                GError       **error)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (year < 1900 || year > 9999 ||
      (kind == LX_PERIOD_QUARTER && (number < 1 || number > 4)) ||
      (kind == LX_PERIOD_MONTH && (number < 1 || number > 12)) ||
      kind == LX_PERIOD_CUSTOM)
    {
      g_set_error (error, LX_EXPORT_ERROR, LX_EXPORT_ERROR_PERIOD, _("The period is not valid"));
      return FALSE;
    }
  memset (out, 0, sizeof *out);
  out->kind = kind;
  out->year = year;
  out->number = kind == LX_PERIOD_YEAR ? 0 : number;
  if (kind == LX_PERIOD_YEAR)
    set_bounds (out, year, 1, 1, year, 12, 31);
  else if (kind == LX_PERIOD_QUARTER)
    set_bounds (out, year, number * 3 - 2, 1, year, number * 3,
                g_date_get_days_in_month (number * 3, year));
  else
    set_bounds (out, year, number, 1, year, number, g_date_get_days_in_month (number, year));
  return TRUE;
}

/* A strict ISO date, all digits where they belong. */
static gboolean
parse_iso (const char *s,
           int        *y,
           int        *m,
           int        *d)
{
  char *end = NULL;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  *y = (int)g_ascii_strtoll (s, &end, 10);
  *m = (int)g_ascii_strtoll (s + 5, &end, 10);
  *d = (int)g_ascii_strtoll (s + 8, &end, 10);
  return *y >= 1900 && *y <= 9999 && g_date_valid_dmy (*d, *m, *y);
}

static gboolean
parse_custom (const char  *text,
              const char  *dots,
              LxPeriod    *out)
{
  g_autofree char *a = g_strndup (text, dots - text);
  int y1, m1, d1, y2, m2, d2;

  if (!parse_iso (g_strstrip (a), &y1, &m1, &d1) ||
      !parse_iso (dots + 2, &y2, &m2, &d2))
    return FALSE;
  set_bounds (out, y1, m1, d1, y2, m2, d2);
  if (strcmp (out->from, out->to) > 0)
    return FALSE;
  out->kind = LX_PERIOD_CUSTOM;
  out->year = y1;
  return TRUE;
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  if (strlen (s) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/**
 * lx_period_parse:
 * @text: "2026", "2026-Q3", "2026-05" or "2026-01-01..2026-06-30"
 */
gboolean
lx_period_parse (const char  *text,
                 LxPeriod    *out,
                 GError     **error)
{
  g_autofree char *t = NULL;
  const char *dots;
  int year;

  g_return_val_if_fail (out != NULL, FALSE);
  if (text == NULL)
    return period_error ("", error);

  t = g_strstrip (g_strdup (text));
  memset (out, 0, sizeof *out);
  if ((dots = strstr (t, "..")) != NULL)
    return parse_custom (t, dots, out) || period_error (text, error);
  if (strlen (t) < 4)
    return period_error (text, error);
  {
    char head[5] = { t[0], t[1], t[2], t[3], 0 };

    if (!all_digits (head, 4))
      return period_error (text, error);
    year = atoi (head);
  }
  if (t[4] == '\0')
    return lx_period_init (out, LX_PERIOD_YEAR, year, 0, NULL) || period_error (text, error);
  if (t[4] != '-')
    return period_error (text, error);
  if ((t[5] == 'Q' || t[5] == 'q') && all_digits (t + 6, 1))
    return lx_period_init (out, LX_PERIOD_QUARTER, year, t[6] - '0', NULL) ||
           period_error (text, error);
  if (all_digits (t + 5, 2))
    return lx_period_init (out, LX_PERIOD_MONTH, year, atoi (t + 5), NULL) ||
           period_error (text, error);
  return period_error (text, error);
}

char *
lx_period_dup_label (const LxPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case LX_PERIOD_YEAR:
      /* Translators: a reporting period: the year 2026 (2026年). */
      return g_strdup_printf (_("the year %d"), period->year);
    case LX_PERIOD_QUARTER:
      /* Translators: a reporting period: 2026年第3季度. */
      return g_strdup_printf (_("quarter %2$d of %1$d"), period->year, period->number);
    case LX_PERIOD_MONTH:
      /* Translators: a reporting period: 2026年5月. */
      return g_strdup_printf (_("%1$d-%2$02d"), period->year, period->number);
    case LX_PERIOD_CUSTOM:
    default:
      /* Translators: a reporting period between two ISO dates (…至…). */
      return g_strdup_printf (_("%s to %s"), period->from, period->to);
    }
}

/* ------------------------------------------------------------- workbook */

typedef gboolean (*SheetFunc) (LxExportJob *job,
                               GError     **error);

static const struct
{
  SheetFunc write;
  double    share;   /* of the progress bar */
} sheets[] = {
  { lx_export_summary, 0.10 },
  { lx_export_households, 0.15 },
  { lx_export_visits, 0.35 },
  { lx_export_field_visits, 0.10 },
  { lx_export_appeals, 0.15 },
  { lx_export_pairings, 0.05 },
  { lx_export_evaluation, 0.10 },
};

static gboolean
write_sheets (LxExportJob  *job,
              GError      **error)
{
  lxw_doc_properties props = { 0 };
  g_autofree char *title = g_strdup_printf ("%s %s", job->unit_name, job->period_label);

  props.title = title;
  props.company = job->unit_name;
  props.comments = (char *)_("Made with Lianxin");
  workbook_set_properties (job->workbook, &props);

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      job->progress_span = sheets[i].share;
      if (lx_export_job_cancelled (job, error) || !sheets[i].write (job, error))
        return FALSE;
      job->progress_base += sheets[i].share;
    }
  return TRUE;
}

static gboolean
write_error (lxw_error    rc,
             const char  *path,
             GError     **error)
{
  g_set_error (error, LX_EXPORT_ERROR, LX_EXPORT_ERROR_WRITE,
               _("Cannot write the workbook “%s”: %s"), path, lxw_strerror (rc));
  return FALSE;
}

/**
 * lx_export_workbook:
 *
 * Writes the workbook in constant-memory mode: libxlsxwriter keeps one row
 * at a time, so a million-row ledger needs a few megabytes.
 */
gboolean
lx_export_workbook (LxStore               *store,
                    const LxExportOptions *options,
                    const char            *path,
                    LxProgressFunc         progress,
                    gpointer               user_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autofree char *part = NULL;
  lxw_workbook_options wopts = { .constant_memory = LXW_TRUE };
  lxw_workbook *wb;
  LxExportJob job;
  lxw_error rc;
  gboolean ok;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);

  part = g_strconcat (path, ".part", NULL);
  if (!lx_export_register_labels (store, error))
    return FALSE;
  if ((wb = workbook_new_opt (part, &wopts)) == NULL)
    {
      g_set_error (error, LX_EXPORT_ERROR, LX_EXPORT_ERROR_WRITE,
                   _("Cannot create the workbook “%s”"), path);
      return FALSE;
    }
  ok = lx_export_job_init (&job, store, options, wb, error);
  job.cancellable = cancellable;
  job.progress = progress;
  job.progress_data = user_data;
  ok = ok && write_sheets (&job, error);
  lx_export_job_clear (&job);
  if (!ok)
    {
      lxw_workbook_free (wb);
      g_unlink (part);
      return FALSE;
    }
  if ((rc = workbook_close (wb)) != LXW_NO_ERROR)
    {
      g_unlink (part);
      return write_error (rc, path, error);
    }
  if (g_rename (part, path) != 0)
    {
      int saved = errno;
      g_unlink (part);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write the workbook “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- thread */

typedef struct
{
  char           *database_path;
  char           *path;
  char           *today;
  LxExportOptions options;
  LxProgressFunc  progress;
  gpointer        progress_data;
  GMainContext   *context;
  int             last_permille;
} ExportTask;

static void
export_task_free (gpointer data)
{
  ExportTask *t = data;

  g_free (t->database_path);
  g_free (t->path);
  g_free (t->today);
  g_clear_pointer (&t->context, g_main_context_unref);
  g_free (t);
}

typedef struct
{
  LxProgressFunc func;
  gpointer       data;
  double         fraction;
} ProgressUpdate;

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *u = data;

  u->func (u->fraction, u->data);
  return G_SOURCE_REMOVE;
}

/* Hands the fraction to the caller's thread, at most a thousand times. */
static void
thread_progress (double   fraction,
                 gpointer data)
{
  ExportTask *t = data;
  int permille = (int)(fraction * 1000);
  ProgressUpdate *u;

  if (t->progress == NULL || permille == t->last_permille)
    return;
  t->last_permille = permille;
  u = g_new (ProgressUpdate, 1);
  u->func = t->progress;
  u->data = t->progress_data;
  u->fraction = fraction;
  g_main_context_invoke_full (t->context, G_PRIORITY_DEFAULT, deliver_progress, u, g_free);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *t = task_data;
  g_autoptr(LxStore) store = NULL;
  GError *error = NULL;

  /* Its own connection: SQLite connections are not shared between threads. */
  store = lx_store_open (t->database_path, LX_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL ||
      !lx_export_workbook (store, &t->options, t->path, thread_progress, t, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
lx_export_run_async (const char            *database_path,
                     const LxExportOptions *options,
                     const char            *path,
                     LxProgressFunc         progress,
                     gpointer               progress_data,
                     GCancellable          *cancellable,
                     GAsyncReadyCallback    callback,
                     gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *t;

  g_return_if_fail (database_path != NULL && options != NULL && path != NULL);

  t = g_new0 (ExportTask, 1);
  t->database_path = g_strdup (database_path);
  t->path = g_strdup (path);
  t->options = *options;
  t->today = options->today ? g_strdup (options->today) : lx_date_today ();
  t->options.today = t->today;
  t->progress = progress;
  t->progress_data = progress_data;
  t->context = g_main_context_ref_thread_default ();
  t->last_permille = -1;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lx_export_run_async);
  g_task_set_task_data (task, t, export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
lx_export_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
