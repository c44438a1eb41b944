/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>
#include <xlsxwriter.h>

#include "lx-import.h"

/* bench-import [N]: writes an N-row (default 100,000) household roster as a
 * CSV and as an XLSX (libxlsxwriter), imports each into a fresh database
 * and prints the times: reading + mapping, and the import itself. A second
 * import of the CSV shows the cost of matching every row. */

static const char *surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
static const char *tags[] = { "", "", "", "低保", "残疾", "独居/空巢老人", "低保、残疾", "" };

static void
row_values (int    i,
            char **out)
{
  gunichar s = g_utf8_get_char (g_utf8_offset_to_pointer (surnames, i % 20));
  char name[32];
  int len = g_unichar_to_utf8 (s, name);

  g_snprintf (name + len, sizeof name - len, "某%d", i);
  out[0] = g_strdup (name);
  out[1] = g_strdup_printf ("139%08d", i);
  out[2] = g_strdup_printf ("小区%d", i / 2400);
  out[3] = g_strdup_printf ("%d号楼", (i / 120) % 20 + 1);
  out[4] = g_strdup_printf ("%d", (i / 40) % 3 + 1);
  out[5] = g_strdup_printf ("%d%02d", (i / 2) % 20 + 1, i % 2 + 1);
  out[6] = g_strdup (tags[i % G_N_ELEMENTS (tags)]);
  out[7] = g_strdup_printf ("%d", i % 5 + 1);
}

static const char *headers[] = { "户主姓名", "联系电话", "小区", "楼栋", "单元", "门牌", "困难类型", "人口" };

static void
write_csv (const char *path,
           int         n)
{
  FILE *f = fopen (path, "w");

  g_assert (f != NULL);
  fprintf (f, "某社区群众户花名册\n户主姓名,联系电话,小区,楼栋,单元,门牌,困难类型,人口\n");
  for (int i = 0; i < n; i++)
    {
      char *v[8];
      row_values (i, v);
      fprintf (f, "%s,%s,%s,%s,%s,%s,%s,%s\n", v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
      for (int c = 0; c < 8; c++)
        g_free (v[c]);
    }
  fclose (f);
}

static void
write_xlsx (const char *path,
            int         n)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);

  worksheet_merge_range (ws, 0, 0, 0, 7, "某社区群众户花名册", NULL);
  for (int c = 0; c < 8; c++)
    worksheet_write_string (ws, 1, c, headers[c], NULL);
  for (int i = 0; i < n; i++)
    {
      char *v[8];
      row_values (i, v);
      for (int c = 0; c < 8; c++)
        {
          if (c == 1 || c == 4 || c == 7)
            worksheet_write_number (ws, i + 2, c, g_ascii_strtod (v[c], NULL), NULL);
          else if (*v[c] != '\0')
            worksheet_write_string (ws, i + 2, c, v[c], NULL);
          g_free (v[c]);
        }
    }
  g_assert (workbook_close (wb) == LXW_NO_ERROR);
}

static void
run (const char *dir,
     const char *file,
     const char *db_name,
     int         n)
{
  g_autofree char *db = g_build_filename (dir, db_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) store = lx_store_open (db, LX_STORE_OPEN_CREATE, &error);
  g_autoptr(LxImport) import = NULL;
  g_autoptr(LxImportResult) result = NULL;
  gint64 t0, t1, t2;
  clock_t c0, c2;

  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  c0 = clock ();
  import = lx_import_new_from_file (file, LX_IMPORT_HOUSEHOLDS, NULL, &error);
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();
  result = lx_import_run (import, store, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();
  c2 = clock ();
  g_assert (result->problems->len == 0);
  /* CPU time too: on a machine shared with builds, wall time says little. */
  printf ("%-6s %d rows: read %.2f s + import %.2f s = %.2f s wall, %.2f s CPU (added %u, unchanged %u)\n",
          g_str_has_suffix (file, ".csv") ? "CSV" : "XLSX", n, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
          (t2 - t0) / 1e6, (double)(c2 - c0) / CLOCKS_PER_SEC, result->added, result->unchanged);
  g_clear_pointer (&result, lx_import_result_free);

  t0 = g_get_monotonic_time ();
  result = lx_import_run (import, store, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  printf ("%-6s again: import %.2f s (added %u, unchanged %u)\n", "", (g_get_monotonic_time () - t0) / 1e6,
          result->added, result->unchanged);
}

int
main (int   argc,
      char *argv[])
{
  int n = argc > 1 ? atoi (argv[1]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("lianxin-bench-import-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "roster.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "roster.xlsx", NULL);
  gint64 t0 = g_get_monotonic_time ();

  write_csv (csv, n);
  write_xlsx (xlsx, n);
  printf ("wrote %d-row CSV and XLSX in %.1f s (in %s)\n", n, (g_get_monotonic_time () - t0) / 1e6, dir);
  run (dir, csv, "csv.db", n);
  run (dir, xlsx, "xlsx.db", n);
  return 0;
}
