/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LX_TABLE_ERROR (lx_table_error_quark ())

typedef enum
{
  LX_TABLE_ERROR_FORMAT,     /* not a CSV or XLSX we can read */
  LX_TABLE_ERROR_ENCODING,   /* neither UTF-8 nor GB18030 */
  LX_TABLE_ERROR_EMPTY,      /* the sheet has no rows */
} LxTableError;

/* One row of a sheet: cells as UTF-8 strings (never NULL; "" for a blank
 * cell), numbers as written in the file, cells with a date style rendered as
 * ISO dates. @number is the row number the spreadsheet program shows. */
typedef struct
{
  guint   number;
  guint   n_cells;
  char  **cells;
} LxTableRow;

/* A whole sheet read into memory: CSV (UTF-8 with or without BOM, else
 * GB18030, which includes GBK) or the first worksheet of an XLSX workbook.
 * Rows with only blank cells are left out. */
typedef struct
{
  GPtrArray *rows;       /* of LxTableRow */
  guint      n_columns;  /* the widest row */
  char      *encoding;   /* "UTF-8", "GB18030" or "XLSX" */
} LxTable;

GQuark       lx_table_error_quark  (void);

LxTable     *lx_table_read         (const char    *path,
                                    GCancellable  *cancellable,
                                    GError       **error);
LxTable     *lx_table_read_csv     (const char    *data,
                                    gsize          length,
                                    GError       **error);
LxTable     *lx_table_read_xlsx    (const char    *path,
                                    GCancellable  *cancellable,
                                    GError       **error);
const char  *lx_table_cell         (LxTable       *table,
                                    guint          row,
                                    guint          column);
void         lx_table_free         (LxTable       *table);

/* Internal to the readers. */
LxTable     *lx_table_new          (const char    *encoding);
void         lx_table_add_row      (LxTable       *table,
                                    guint          number,
                                    GPtrArray     *cells);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxTable, lx_table_free)

G_END_DECLS
