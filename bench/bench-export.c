/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lx-demo.h"
#include "lx-export-private.h"

/* The visit ledger (走访台账) of 1,000,000 visits, written three ways from
 * the same SQL query on the same database:
 *   lianxin  lx_export_visits (): the ledger writer of the real export
 *   bare     a plain libxlsxwriter loop writing the same cells and formats
 *   python   Debian's python3-xlsxwriter (bench_export_python.py)
 * each in its own process, timed, with its peak RSS (wait4). */

#define PERIOD "2026"

static int n_rows = 1000000;
static char *work_dir;
static char *mode;
static char *python_script;

static const GOptionEntry entries[] = {
  { "rows", 'n', 0, G_OPTION_ARG_INT, &n_rows, "Visits in the ledger (default 1000000)", "N" },
  { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &work_dir, "Where the database and workbooks go", "DIR" },
  { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, "Run one writer only: lianxin, bare", "MODE" },
  { "python", 0, 0, G_OPTION_ARG_FILENAME, &python_script, "bench_export_python.py", "FILE" },
  { NULL }
};

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-export: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static char *
db_path (void)
{
  return g_build_filename (work_dir, "bench-export.db", NULL);
}

/* A demo unit of 2,000 households whose home and phone visits are replaced
 * by n_rows visits spread over 2026. The last-visit triggers are dropped
 * first: they cost a lookup per row and the ledger does not read them. */
static void
prepare_database (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fill = NULL;
  LxDemoOptions opts;

  g_unlink (path);
  if (!(store = lx_store_open (path, LX_STORE_OPEN_CREATE, &error)))
    die ("open", error);
  lx_demo_options_init (&opts);
  opts.households = 2000;
  opts.today = "2026-11-26";
  if (!lx_demo_generate (store, &opts, NULL, NULL, NULL, &error))
    die ("demo", error);
  fill = g_strdup_printf (
    "DROP TRIGGER visit_household_ins; DROP TRIGGER visit_household_del;"
    "DROP TRIGGER visit_upd; BEGIN;"
    "DELETE FROM visit WHERE kind IN ('home', 'phone');"
    "CREATE TEMP TABLE hh AS SELECT row_number () OVER (ORDER BY id) - 1 AS k, id FROM household;"
    "CREATE TEMP TABLE mm AS SELECT row_number () OVER (ORDER BY id) - 1 AS k, id FROM member;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO visit (id, kind, happened_at, notes) SELECT 10000000 + i, "
    "  CASE WHEN i %% 10 = 0 THEN 'phone' ELSE 'home' END, "
    "  strftime ('%%Y-%%m-%%dT%%H:%%M', '2026-01-01 08:00', '+' || (i * 28000000 / %d) || ' seconds'), "
    "  CASE i %% 3 WHEN 0 THEN '了解近况，宣传惠民政策' WHEN 1 THEN NULL ELSE '帮助申请临时救助' END "
    "FROM n;"
    "INSERT INTO visit_household (visit_id, household_id) SELECT v.id, hh.id FROM visit v "
    "  JOIN hh ON hh.k = v.id %% (SELECT count(*) FROM hh) WHERE v.id > 10000000;"
    "INSERT INTO visit_member (visit_id, member_id) SELECT v.id, mm.id FROM visit v "
    "  JOIN mm ON mm.k = v.id %% (SELECT count(*) FROM mm) WHERE v.id > 10000000;"
    "INSERT OR IGNORE INTO visit_member (visit_id, member_id) SELECT v.id, mm.id FROM visit v "
    "  JOIN mm ON mm.k = (v.id * 7) %% (SELECT count(*) FROM mm) WHERE v.id > 10000000 "
    "  AND v.id %% 3 = 0;"
    "COMMIT;", n_rows, n_rows);
  if (!lx_store_exec (store, fill, &error))
    die ("fill", error);
}

static void
init_job (LxExportJob     *job,
          LxStore         *store,
          LxExportOptions *options,
          lxw_workbook    *wb)
{
  g_autoptr(GError) error = NULL;

  memset (options, 0, sizeof *options);
  options->today = "2026-11-26";
  if (!lx_period_parse (PERIOD, &options->period, &error) ||
      !lx_export_register_labels (store, &error) ||
      !lx_export_job_init (job, store, options, wb, &error))
    die ("job", error);
}

static void
run_lianxin (LxStore    *store,
             const char *out)
{
  lxw_workbook_options wopts = { .constant_memory = LXW_TRUE };
  lxw_workbook *wb = workbook_new_opt (out, &wopts);
  g_autoptr(GError) error = NULL;
  LxExportOptions options;
  LxExportJob job;

  init_job (&job, store, &options, wb);
  if (!lx_export_visits (&job, &error))
    die ("lianxin", error);
  lx_export_job_clear (&job);
  if (workbook_close (wb) != LXW_NO_ERROR)
    die ("close", NULL);
}

/* ------------------------------------------------------------------ bare */

static void
bare_mask (const char *phone,
           char       *out)
{
  size_t n = strlen (phone);

  if (n == 11)
    g_snprintf (out, 16, "%.3s****%s", phone, phone + 7);
  else
    g_strlcpy (out, phone, 64);
}

static void
bare_datetime (const char   *s,
               lxw_datetime *dt)
{
  memset (dt, 0, sizeof *dt);
  sscanf (s, "%4d-%2d-%2dT%2d:%2d", &dt->year, &dt->month, &dt->day, &dt->hour, &dt->min);
}

static void
bare_write_row (lxw_worksheet *ws,
                lxw_row_t      row,
                sqlite3_stmt  *stmt,
                lxw_format   **f)
{
  for (int c = 0; c < LX_EXPORT_VISIT_COLUMNS; c++)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, c);
      char masked[64];
      lxw_datetime dt;

      if (text == NULL)
        worksheet_write_blank (ws, row, c + 1, f[0]);
      else if (c == 0)
        {
          bare_datetime (text, &dt);
          worksheet_write_datetime (ws, row, c + 1, &dt, f[2]);
        }
      else if (c == 4)
        {
          bare_mask (text, masked);
          worksheet_write_string (ws, row, c + 1, masked, f[0]);
        }
      else
        worksheet_write_string (ws, row, c + 1, text, c == 7 ? f[3] : f[0]);
    }
  worksheet_write_number (ws, row, 0, row - 2, f[1]);
}

static void
run_bare (LxStore    *store,
          const char *out)
{
  lxw_workbook_options wopts = { .constant_memory = LXW_TRUE };
  lxw_workbook *wb = workbook_new_opt (out, &wopts);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Visits");
  lxw_format *f[4];
  g_autoptr(GError) error = NULL;
  LxExportOptions options;
  LxExportJob job;
  sqlite3_stmt *stmt;
  lxw_row_t row = 3;

  init_job (&job, store, &options, NULL);
  for (int k = 0; k < 4; k++)
    {
      f[k] = workbook_add_format (wb);
      format_set_border (f[k], LXW_BORDER_THIN);
    }
  format_set_num_format (f[1], "0");
  format_set_num_format (f[2], "yyyy-mm-dd hh:mm");
  format_set_text_wrap (f[3]);
  worksheet_merge_range (ws, 0, 0, 0, LX_EXPORT_VISIT_COLUMNS, "Visits", NULL);
  worksheet_merge_range (ws, 1, 0, 1, LX_EXPORT_VISIT_COLUMNS, "Period", NULL);
  for (int c = 0; c < LX_EXPORT_VISIT_COLUMNS; c++)
    worksheet_write_string (ws, 2, c + 1, lx_export_visit_columns[c].title, f[0]);
  if (!(stmt = lx_export_prepare (&job, lx_export_visit_sql, FALSE, &error)))
    die ("bare", error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    bare_write_row (ws, row++, stmt, f);
  sqlite3_reset (stmt);
  worksheet_freeze_panes (ws, 3, 0);
  worksheet_autofilter (ws, 2, 0, row - 1, LX_EXPORT_VISIT_COLUMNS);
  lx_export_job_clear (&job);
  if (workbook_close (wb) != LXW_NO_ERROR)
    die ("close", NULL);
}

/* ---------------------------------------------------------------- driver */

typedef struct
{
  double seconds;
  double cpu_seconds; /* user + system: steadier than wall time on a busy machine */
  long   max_rss_kb;
} Measure;

static Measure
measure (char **argv)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  Measure m = { 0 };
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      execv (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0)
    die (argv[0], NULL);
  m.seconds = (g_get_monotonic_time () - start) / 1e6;
  m.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                  usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  m.max_rss_kb = usage.ru_maxrss;
  return m;
}

static Measure
run_child (const char *self,
           const char *which)
{
  g_autofree char *rows = g_strdup_printf ("%d", n_rows);
  char *argv[] = { (char *)self, "--mode", (char *)which, "--dir", work_dir, "--rows", rows, NULL };

  return measure (argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- visit ledger benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *db = NULL;
  g_autofree char *sql_file = NULL;
  g_autofree char *py_out = NULL;
  Measure lx, bare, py;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (work_dir == NULL)
    work_dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  db = db_path ();

  if (mode != NULL)
    {
      g_autoptr(LxStore) store = lx_store_open (db, LX_STORE_OPEN_READ_ONLY, &error);
      g_autofree char *out = g_strdup_printf ("%s/%s.xlsx", work_dir, mode);

      if (store == NULL)
        die ("open", error);
      if (g_str_equal (mode, "lianxin"))
        run_lianxin (store, out);
      else
        run_bare (store, out);
      return 0;
    }

  g_print ("Preparing %d visits in %s ...\n", n_rows, db);
  prepare_database ();
  sql_file = g_build_filename (work_dir, "visits.sql", NULL);
  if (!g_file_set_contents (sql_file, lx_export_visit_sql, -1, &error))
    die ("sql", error);

  lx = run_child (self, "lianxin");
  bare = run_child (self, "bare");
  g_print ("%-28s %8s  %8s  %9s\n", "", "wall", "CPU", "peak RSS");
  g_print ("%-28s %8.2f s %8.2f s %7.1f MB\n", "Lianxin visit ledger", lx.seconds, lx.cpu_seconds,
           lx.max_rss_kb / 1024.0);
  g_print ("%-28s %8.2f s %8.2f s %7.1f MB\n", "bare libxlsxwriter loop", bare.seconds,
           bare.cpu_seconds, bare.max_rss_kb / 1024.0);
  g_print ("Lianxin / bare: %.2fx wall, %.2fx CPU (target <= 1.3)\n", lx.seconds / bare.seconds,
           lx.cpu_seconds / bare.cpu_seconds);
  if (python_script != NULL)
    {
      char *py_argv[] = { "/usr/bin/python3", python_script, db, sql_file, NULL, NULL };

      py_out = g_build_filename (work_dir, "python.xlsx", NULL);
      py_argv[4] = py_out;
      py = measure (py_argv);
      g_print ("%-28s %8.2f s %8.2f s %7.1f MB\n", "python3-xlsxwriter", py.seconds,
               py.cpu_seconds, py.max_rss_kb / 1024.0);
      g_print ("python / Lianxin: %.2fx wall, %.2fx CPU (target >= 4)\n", py.seconds / lx.seconds,
               py.cpu_seconds / lx.cpu_seconds);
    }
  g_print ("Lianxin peak RSS %.1f MB (target < 50)\n", lx.max_rss_kb / 1024.0);
  return 0;
}
