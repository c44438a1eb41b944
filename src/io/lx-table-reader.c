/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-table-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-table-reader.h"

G_DEFINE_QUARK (lx-table-error-quark, lx_table_error)

static void
row_free (gpointer data)
{
  LxTableRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

LxTable *
lx_table_new (const char *encoding)
{
  LxTable *table = g_new0 (LxTable, 1);

  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->encoding = g_strdup (encoding);
  return table;
}

void
lx_table_free (LxTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table->encoding);
  g_free (table);
}

/* Takes the strings of @cells (which it empties); a row of blanks is dropped,
 * as are trailing blank cells. */
void
lx_table_add_row (LxTable   *table,
                  guint      number,
                  GPtrArray *cells)
{
  LxTableRow *row;
  guint n = cells->len;

  while (n > 0)
    {
      const char *c = g_ptr_array_index (cells, n - 1);
      if (c != NULL && *c != '\0')
        break;
      n--;
    }
  if (n == 0)
    {
      g_ptr_array_set_size (cells, 0);
      return;
    }

  row = g_new0 (LxTableRow, 1);
  row->number = number;
  row->n_cells = n;
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < cells->len; i++)
    {
      char *c = g_ptr_array_index (cells, i);
      if (i < n)
        row->cells[i] = c != NULL ? c : g_strdup ("");
      else
        g_free (c);
    }
  /* The strings now belong to the row. */
  g_ptr_array_set_free_func (cells, NULL);
  g_ptr_array_set_size (cells, 0);
  g_ptr_array_set_free_func (cells, g_free);

  table->n_columns = MAX (table->n_columns, n);
  g_ptr_array_add (table->rows, row);
}

const char *
lx_table_cell (LxTable *table,
               guint    row,
               guint    column)
{
  LxTableRow *r;

  g_return_val_if_fail (table != NULL, "");
  if (row >= table->rows->len)
    return "";
  r = g_ptr_array_index (table->rows, row);
  return column < r->n_cells ? r->cells[column] : "";
}

/* Spreadsheet programs save CSV with commas; some ledgers come as
 * tab-separated text renamed to .csv. Look at the first line. */
static char
guess_delimiter (const char *text)
{
  guint commas = 0, tabs = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0' && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == '\t')
        tabs++;
      else if (!quoted && *p == ';')
        semicolons++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

/* RFC 4180: quoted fields may hold delimiters, doubled quotes and line
 * breaks; the row number is the record's, as a spreadsheet shows it. */
static void
parse_csv (LxTable    *table,
           const char *p,
           char        delimiter)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_sized_new (64);
  guint number = 1;

  while (*p != '\0')
    {
      gboolean quoted = FALSE;

      g_string_truncate (cell, 0);
      if (*p == '"')
        {
          quoted = TRUE;
          p++;
          while (*p != '\0')
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, '"'), p += 2;
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (cell, *p++);
            }
        }
      while (*p != '\0' && *p != delimiter && *p != '\n' && *p != '\r')
        g_string_append_c (cell, *p++);
      g_ptr_array_add (cells, quoted ? g_strdup (cell->str) : g_strdup (g_strstrip (cell->str)));

      if (*p == delimiter)
        {
          p++;
          continue;
        }
      if (*p == '\r')
        p++;
      if (*p == '\n')
        p++;
      lx_table_add_row (table, number++, cells);
    }
  if (cells->len > 0)
    lx_table_add_row (table, number, cells);
}

/**
 * lx_table_read_csv:
 *
 * Reads CSV text: UTF-8 (a byte-order mark is dropped) when it is valid
 * UTF-8, otherwise GB18030, the superset of GBK that WPS and Excel write on
 * Chinese systems.
 */
LxTable *
lx_table_read_csv (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(LxTable) table = NULL;
  g_autofree char *converted = NULL;
  const char *text = data;
  const char *encoding = "UTF-8";

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    text += 3, length -= 3;

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;

      converted = g_convert (text, length, "UTF-8", "GB18030", NULL, &written, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, LX_TABLE_ERROR, LX_TABLE_ERROR_ENCODING,
                       _("The file is neither UTF-8 nor GBK text: %s"), local_error->message);
          return NULL;
        }
      text = converted;
      encoding = "GB18030";
    }
  else
    text = converted = g_strndup (text, length);

  table = lx_table_new (encoding);
  parse_csv (table, text, guess_delimiter (text));
  if (table->rows->len == 0)
    {
      g_set_error_literal (error, LX_TABLE_ERROR, LX_TABLE_ERROR_EMPTY, _("The file has no rows"));
      return NULL;
    }
  return g_steal_pointer (&table);
}

static gboolean
is_zip (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char magic[4] = { 0 };

  if (in == NULL)
    return FALSE;
  return g_input_stream_read (G_INPUT_STREAM (in), magic, 4, NULL, NULL) == 4 &&
         memcmp (magic, "PK\x03\x04", 4) == 0;
}

/**
 * lx_table_read:
 *
 * Reads a CSV file or an XLSX workbook, told apart by their content (an
 * XLSX is a zip archive) rather than the name, which users change.
 */
LxTable *
lx_table_read (const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (is_zip (path))
    return lx_table_read_xlsx (path, cancellable, error);
  if (g_str_has_suffix (path, ".xls") || g_str_has_suffix (path, ".XLS"))
    {
      g_set_error (error, LX_TABLE_ERROR, LX_TABLE_ERROR_FORMAT,
                   _("Old Excel files (.xls) cannot be read; save the sheet as .xlsx or CSV first"));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, LX_TABLE_ERROR, LX_TABLE_ERROR_FORMAT,
                   _("“%s” is neither a CSV file nor an XLSX workbook"), path);
      return NULL;
    }
  return lx_table_read_csv (data, length, error);
}
