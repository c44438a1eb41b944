/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "lx-date.h"
#include "lx-import-private.h"
#include "lx-pinyin.h"
#include "lx-validate.h"

/* An import: a sheet read into memory, its header row, and the mapping of
 * its columns to fields, which the user may correct before running it. */

#define HEADER_SEARCH_ROWS 10

struct _LxImport
{
  GObject          parent_instance;
  LxTable         *table;
  char            *file_name;
  LxImportKind     kind;
  guint            header_index;   /* in table->rows */
  GArray          *mapping;        /* LxImportField per column */
  LxImportOnMatch  on_match;
};

G_DEFINE_FINAL_TYPE (LxImport, lx_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (lx-import-error-quark, lx_import_error)

static void
lx_import_finalize (GObject *object)
{
  LxImport *self = LX_IMPORT (object);

  g_clear_pointer (&self->table, lx_table_free);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_free (self->file_name);
  G_OBJECT_CLASS (lx_import_parent_class)->finalize (object);
}

static void
lx_import_class_init (LxImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lx_import_finalize;
}

static void
lx_import_init (LxImport *self)
{
  self->mapping = g_array_new (FALSE, TRUE, sizeof (LxImportField));
}

/* The header is the first row, among the first ten, with at least two
 * recognised headers: title rows (a merged 某某社区群众户花名册) come above it. */
static gboolean
find_header (LxImport  *self,
             GError   **error)
{
  guint limit = MIN (self->table->rows->len, HEADER_SEARCH_ROWS);

  for (guint i = 0; i < limit; i++)
    {
      LxTableRow *row = g_ptr_array_index (self->table->rows, i);
      guint recognised = 0;

      for (guint c = 0; c < row->n_cells; c++)
        if (lx_import_guess_field (self->kind, row->cells[c]) != LX_FIELD_IGNORE)
          recognised++;
      if (recognised >= 2)
        {
          self->header_index = i;
          return TRUE;
        }
    }
  g_set_error (error, LX_IMPORT_ERROR, LX_IMPORT_ERROR_NO_HEADER,
               _("No row of column headers was found in the first %d rows of “%s” "
                 "(such as 户主姓名, 联系电话, 住址)"),
               HEADER_SEARCH_ROWS, self->file_name);
  return FALSE;
}

static void
guess_mapping (LxImport *self)
{
  LxTableRow *header = g_ptr_array_index (self->table->rows, self->header_index);
  gboolean seen[LX_FIELD_N] = { FALSE };

  g_array_set_size (self->mapping, self->table->n_columns);
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      LxImportField f = c < header->n_cells ? lx_import_guess_field (self->kind, header->cells[c])
                                            : LX_FIELD_IGNORE;
      /* A second 电话 column is left for the user to decide. */
      if (seen[f] && f != LX_FIELD_IGNORE)
        f = LX_FIELD_IGNORE;
      seen[f] = TRUE;
      g_array_index (self->mapping, LxImportField, c) = f;
    }
}

/**
 * lx_import_new_for_table:
 * @table: (transfer full):
 */
LxImport *
lx_import_new_for_table (LxTable       *table,
                         const char    *file_name,
                         LxImportKind   kind,
                         GError       **error)
{
  g_autoptr(LxImport) self = g_object_new (LX_TYPE_IMPORT, NULL);

  g_return_val_if_fail (table != NULL, NULL);

  self->table = table;
  self->file_name = g_strdup (file_name);
  self->kind = kind;
  if (!find_header (self, error))
    return NULL;
  guess_mapping (self);
  return g_steal_pointer (&self);
}

LxImport *
lx_import_new_from_file (const char    *path,
                         LxImportKind   kind,
                         GCancellable  *cancellable,
                         GError       **error)
{
  LxTable *table;
  g_autofree char *name = NULL;

  /* Saving rows computes pinyin keys: let ICU load on the other core
   * while the file is read and checked. */
  lx_pinyin_warm_up ();
  table = lx_table_read (path, cancellable, error);
  if (table == NULL)
    return NULL;
  name = g_path_get_basename (path);
  return lx_import_new_for_table (table, name, kind, error);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  LxImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "kind"));
  GError *error = NULL;
  LxImport *import = lx_import_new_from_file (path, kind, cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, g_object_unref);
}

/* Reading a large workbook takes a while: do it in a thread too. */
void
lx_import_new_from_file_async (const char          *path,
                               LxImportKind         kind,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, lx_import_new_from_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "kind", GINT_TO_POINTER (kind));
  g_task_run_in_thread (task, open_thread);
}

LxImport *
lx_import_new_from_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

LxImportKind
lx_import_get_kind (LxImport *self)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), LX_IMPORT_HOUSEHOLDS);
  return self->kind;
}

const char *
lx_import_get_file_name (LxImport *self)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), NULL);
  return self->file_name;
}

const char *
lx_import_get_encoding (LxImport *self)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), NULL);
  return self->table->encoding;
}

/* The header's row number as the spreadsheet shows it. */
guint
lx_import_get_header_row (LxImport *self)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), 0);
  return ((LxTableRow *)g_ptr_array_index (self->table->rows, self->header_index))->number;
}

guint
lx_import_get_n_columns (LxImport *self)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), 0);
  return self->mapping->len;
}

const char *
lx_import_get_header (LxImport *self,
                      guint     column)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), NULL);
  return lx_table_cell (self->table, self->header_index, column);
}

LxImportField
lx_import_get_mapping (LxImport *self,
                       guint     column)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), LX_FIELD_IGNORE);
  g_return_val_if_fail (column < self->mapping->len, LX_FIELD_IGNORE);
  return g_array_index (self->mapping, LxImportField, column);
}

/* Mapping a column to a field another column had unmaps that one: a field
 * comes from one column. */
void
lx_import_set_mapping (LxImport      *self,
                       guint          column,
                       LxImportField  field)
{
  g_return_if_fail (LX_IS_IMPORT (self));
  g_return_if_fail (column < self->mapping->len);
  g_return_if_fail (field < LX_FIELD_N);

  if (field != LX_FIELD_IGNORE)
    for (guint c = 0; c < self->mapping->len; c++)
      if (g_array_index (self->mapping, LxImportField, c) == field)
        g_array_index (self->mapping, LxImportField, c) = LX_FIELD_IGNORE;
  g_array_index (self->mapping, LxImportField, column) = field;
}

guint
lx_import_get_n_rows (LxImport *self)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), 0);
  return self->table->rows->len - self->header_index - 1;
}

guint
lx_import_get_row_number (LxImport *self,
                          guint     row)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), 0);
  g_return_val_if_fail (row < lx_import_get_n_rows (self), 0);
  return ((LxTableRow *)g_ptr_array_index (self->table->rows, self->header_index + 1 + row))->number;
}

const char *
lx_import_get_cell (LxImport *self,
                    guint     row,
                    guint     column)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), NULL);
  return lx_table_cell (self->table, self->header_index + 1 + row, column);
}

LxImportOnMatch
lx_import_get_on_match (LxImport *self)
{
  g_return_val_if_fail (LX_IS_IMPORT (self), LX_IMPORT_ON_MATCH_UPDATE);
  return self->on_match;
}

void
lx_import_set_on_match (LxImport        *self,
                        LxImportOnMatch  on_match)
{
  g_return_if_fail (LX_IS_IMPORT (self));
  self->on_match = on_match;
}

/* ------------------------------------------------------------ context */

guint
lx_import_ctx_n_rows (LxImportContext *ctx)
{
  return lx_import_get_n_rows (ctx->import);
}

guint
lx_import_ctx_row_number (LxImportContext *ctx,
                          guint            row)
{
  return lx_import_get_row_number (ctx->import, row);
}

/* The cell as written, or "" when the field is not mapped. */
const char *
lx_import_ctx_cell (LxImportContext *ctx,
                    guint            row,
                    LxImportField    field)
{
  if (ctx->column[field] < 0)
    return "";
  return lx_table_cell (ctx->table, ctx->first_row + row, ctx->column[field]);
}

/* Full-width forms (U+FF01–FF5E) and the ideographic space start with
 * 0xEF and 0xE3 0x80 0x80 in UTF-8; most cells have neither, nor spaces
 * around them, and are copied as they are (100,000 rows, a million cells). */
static gboolean
needs_normalizing (const char *cell)
{
  gsize len = strlen (cell);

  if (g_ascii_isspace (cell[0]) || g_ascii_isspace (cell[len - 1]))
    return TRUE;
  for (const char *p = cell; *p != '\0'; p++)
    if ((guchar)*p == 0xEF || ((guchar)*p == 0xE3 && (guchar)p[1] == 0x80 && (guchar)p[2] == 0x80))
      return TRUE;
  return FALSE;
}

/* The cell with full-width digits and letters made ASCII and spaces
 * trimmed; NULL when blank. */
char *
lx_import_ctx_value (LxImportContext *ctx,
                     guint            row,
                     LxImportField    field)
{
  const char *cell = lx_import_ctx_cell (ctx, row, field);
  char *value;

  if (*cell == '\0')
    return NULL;
  value = needs_normalizing (cell) ? lx_normalize_text (cell) : g_strdup (cell);
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static const char *
column_header (LxImportContext *ctx,
               LxImportField    field)
{
  if (field == LX_FIELD_IGNORE || ctx->column[field] < 0)
    return NULL;
  return lx_import_get_header (ctx->import, ctx->column[field]);
}

void
lx_import_ctx_problem (LxImportContext *ctx,
                       guint            row,
                       LxImportField    field,
                       const char      *format,
                       ...)
{
  LxImportProblem *p = g_new0 (LxImportProblem, 1);
  const char *header = column_header (ctx, field);
  va_list args;

  p->row = row == G_MAXUINT ? 0 : lx_import_ctx_row_number (ctx, row);
  /* An unmapped field is named by its label. */
  p->column = g_strdup (header != NULL && *header != '\0' ? header
                        : field != LX_FIELD_IGNORE ? lx_import_field_label (field) : NULL);
  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (ctx->result->problems, p);
}

/* Progress and cancel, checked every 512 rows so that neither costs time. */
gboolean
lx_import_ctx_tick (LxImportContext *ctx,
                    guint            row,
                    double           start,
                    double           span,
                    GError         **error)
{
  guint n = lx_import_ctx_n_rows (ctx);
  double fraction;

  if (row % 512 != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  fraction = start + span * (n > 0 ? (double)row / n : 1.0);
  if (ctx->progress != NULL && fraction - ctx->last_fraction >= 0.01)
    {
      ctx->last_fraction = fraction;
      ctx->progress (fraction, ctx->progress_data);
    }
  return TRUE;
}

gboolean
lx_import_ctx_log (LxImportContext *ctx,
                   const char      *table,
                   guint            added,
                   guint            updated,
                   guint            unchanged,
                   guint            skipped,
                   GError         **error)
{
  g_autofree char *summary = NULL;

  /* A run that changes nothing leaves no trace: importing twice is a no-op. */
  if (added + updated == 0)
    return TRUE;
  /* Data, not interface text: the log reads the same in every language. */
  summary = g_strdup_printf ("%s: %u added, %u updated, %u unchanged, %u skipped",
                             ctx->file_name, added, updated, unchanged, skipped);
  return lx_store_log_change (ctx->store, table, 0, "import", summary, error);
}

/* "5", "５", "5单元", "5层" → 5. */
gboolean
lx_import_parse_int (const char *text,
                     const char *suffixes,
                     int        *out_value)
{
  g_autofree char *norm = lx_normalize_text (text);
  char *end = NULL;
  gint64 v;

  if (*norm == '\0' || !g_ascii_isdigit (*norm))
    return FALSE;
  v = g_ascii_strtoll (norm, &end, 10);
  /* Excel writes whole numbers kept as numbers with ".0" in some CSVs. */
  if (g_str_has_prefix (end, ".0") && strspn (end + 1, "0") == strlen (end + 1))
    end += strlen (end);
  if (*end != '\0')
    {
      g_auto(GStrv) list = g_strsplit (suffixes != NULL ? suffixes : "", "|", -1);
      if (suffixes == NULL || !g_strv_contains ((const char * const *)list, end))
        return FALSE;
    }
  if (v > G_MAXINT)
    return FALSE;
  *out_value = (int)v;
  return TRUE;
}

/* For lx-import-run.c. */
LxTable *
lx_import_get_table (LxImport *self,
                     guint    *out_first_row)
{
  *out_first_row = self->header_index + 1;
  return self->table;
}
