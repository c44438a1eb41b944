/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <unistd.h>

#include "fuzz-common.h"
#include "lx-table-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The XLSX reader takes a path: the input goes through one file in a
 * private temporary folder (on /dev/shm when there is one), rewritten each run. */
static char *
input_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
      g_autofree char *tmpl = g_build_filename (base, "lianxin-fuzz-XXXXXX", NULL);
      char *dir = g_mkdtemp (g_steal_pointer (&tmpl));

      g_assert_nonnull (dir);
      path = g_build_filename (dir, "input.xlsx", NULL);
      g_free (dir);
    }
  return path;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *path = input_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LxTable) table = NULL;

  g_assert_true (g_file_set_contents (path, (const char *)data, size, NULL));
  table = lx_table_read_xlsx (path, NULL, &error);
  if (table == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);
  for (guint r = 0; r < table->rows->len; r++)
    for (guint c = 0; c < table->n_columns; c++)
      g_assert_true (g_utf8_validate (lx_table_cell (table, r, c), -1, NULL));
  return 0;
}
