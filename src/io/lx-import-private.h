/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-import.h"

G_BEGIN_DECLS

/* One run of an import: the rows below the header, the columns of each
 * field, and where problems and counts go. */
typedef struct
{
  LxImport         *import;
  LxTable          *table;
  guint             first_row;      /* index in table->rows of the first data row */
  int               column[LX_FIELD_N];
  LxStore          *store;
  LxImportResult   *result;
  LxImportOnMatch   on_match;
  char             *today;
  const char       *file_name;
  LxImportProgress  progress;
  gpointer          progress_data;
  GCancellable     *cancellable;
  double            last_fraction;
} LxImportContext;

LxTable     *lx_import_get_table      (LxImport        *self,
                                       guint           *out_first_row);
guint        lx_import_ctx_n_rows     (LxImportContext *ctx);
guint        lx_import_ctx_row_number (LxImportContext *ctx,
                                       guint            row);
const char  *lx_import_ctx_cell       (LxImportContext *ctx,
                                       guint            row,
                                       LxImportField    field);
char        *lx_import_ctx_value      (LxImportContext *ctx,
                                       guint            row,
                                       LxImportField    field);
void         lx_import_ctx_problem    (LxImportContext *ctx,
                                       guint            row,
                                       LxImportField    field,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (4, 5);
gboolean     lx_import_ctx_tick       (LxImportContext *ctx,
                                       guint            row,
                                       double           start,
                                       double           span,
                                       GError         **error);
gboolean     lx_import_ctx_log        (LxImportContext *ctx,
                                       const char      *table,
                                       guint            added,
                                       guint            updated,
                                       guint            unchanged,
                                       guint            skipped,
                                       GError         **error);
gboolean     lx_import_parse_int      (const char      *text,
                                       const char      *suffixes,
                                       int             *out_value);

gboolean     lx_import_apply_households (LxImportContext *ctx,
                                         GError         **error);
gboolean     lx_import_apply_members    (LxImportContext *ctx,
                                         GError         **error);
gboolean     lx_import_apply_visits     (LxImportContext *ctx,
                                         GError         **error);
gboolean     lx_import_apply_ballots    (LxImportContext *ctx,
                                         GError         **error);

/* Shared by households and visits: the key a household is matched on. */
char        *lx_import_household_key  (const char      *name,
                                       const char      *address);
char        *lx_import_compose_address (const char     *site,
                                        const char     *building,
                                        int             entrance,
                                        const char     *room,
                                        const char     *free_address);

GHashTable  *lx_import_load_tag_names  (LxStore        *store,
                                        GError        **error);
gboolean     lx_import_parse_tags      (GHashTable     *names,
                                        const char     *text,
                                        char         ***out_codes,
                                        char          **out_bad);

G_END_DECLS
