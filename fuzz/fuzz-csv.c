/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-common.h"
#include "lx-table-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Any bytes at all: the CSV reader is where outside files come in. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxTable) table = lx_table_read_csv ((const char *)data, size, &error);

  if (table == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);
  for (guint r = 0; r < table->rows->len; r++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        const char *cell = lx_table_cell (table, r, c);
        g_assert_nonnull (cell);
        g_assert_true (g_utf8_validate (cell, -1, NULL));
      }
  return 0;
}
