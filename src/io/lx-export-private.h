/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "lx-export.h"

G_BEGIN_DECLS

/* What the sheets of one export share. Shared with bench/bench-export.c,
 * which drives the visit ledger alone. */

typedef enum
{
  LX_CELL_TEXT,
  LX_CELL_LONG_TEXT,   /* notes and descriptions: wrapped, width capped */
  LX_CELL_NUMBER,      /* integers */
  LX_CELL_DECIMAL,     /* one decimal */
  LX_CELL_PERCENT,     /* a fraction shown as 0.0% */
  LX_CELL_DATE,        /* ISO date → Excel date */
  LX_CELL_MOMENT,      /* ISO date and time → Excel date-time */
  LX_CELL_PHONE,       /* masked unless asked otherwise */
  LX_CELL_ID_NUMBER,   /* masked unless asked otherwise */
} LxCellKind;

typedef struct
{
  const char *title;   /* untranslated (N_) */
  LxCellKind  kind;
} LxColumn;

typedef struct
{
  LxStore               *store;
  const LxExportOptions *options;
  lxw_workbook          *workbook;
  GCancellable          *cancellable;
  LxProgressFunc         progress;
  gpointer               progress_data;
  double                 progress_base;   /* done before the current sheet */
  double                 progress_span;   /* the current sheet's share */

  char                   until[11];       /* the day after the period */
  char                   year_from[11];   /* 1 January of the period's last year */
  char                  *today;
  char                  *unit_name;
  char                  *scope_name;      /* the organization, or NULL for the whole unit */
  char                  *period_label;

  lxw_format            *f_title;
  lxw_format            *f_subtitle;
  lxw_format            *f_header;
  lxw_format            *f_cell[LX_CELL_ID_NUMBER + 1];
  lxw_format            *f_label;
  lxw_format            *f_note;
} LxExportJob;

typedef struct
{
  LxExportJob     *job;
  lxw_worksheet   *ws;
  const LxColumn  *columns;
  int              n_columns;   /* without the running number */
  int             *widths;      /* display widths, per column incl. the number */
  lxw_row_t        row;         /* the next row to write */
  lxw_row_t        first_data_row;
  gint64           n_rows;
  gint64           expected;
} LxSheet;

/* lx-export-writer.c */
gboolean   lx_export_job_init       (LxExportJob      *job,
                                     LxStore          *store,
                                     const LxExportOptions *options,
                                     lxw_workbook     *workbook,
                                     GError          **error);
void       lx_export_job_clear      (LxExportJob      *job);
void       lx_export_job_progress   (LxExportJob      *job,
                                     double            fraction);
gboolean   lx_export_job_cancelled  (LxExportJob      *job,
                                     GError          **error);
sqlite3_stmt *lx_export_prepare     (LxExportJob      *job,
                                     const char       *sql,
                                     gboolean          cumulative,
                                     GError          **error);
gint64     lx_export_query_count    (LxExportJob      *job,
                                     const char       *sql,
                                     gboolean          cumulative,
                                     GError          **error);
int        lx_display_width         (const char       *text);
gboolean   lx_iso_to_datetime       (const char       *iso,
                                     lxw_datetime     *out);
void       lx_sheet_print_setup     (LxExportJob      *job,
                                     lxw_worksheet    *ws,
                                     lxw_row_t         repeat_last);
lxw_worksheet *lx_export_add_sheet  (LxExportJob      *job,
                                     const char       *name,
                                     GError          **error);

LxSheet   *lx_sheet_begin           (LxExportJob      *job,
                                     const char       *name,
                                     const LxColumn   *columns,
                                     int               n_columns,
                                     gint64            expected,
                                     GError          **error);
void       lx_sheet_cell            (LxSheet          *sheet,
                                     int               col,
                                     sqlite3_stmt     *stmt,
                                     int               index);
gboolean   lx_sheet_end_row         (LxSheet          *sheet,
                                     GError          **error);
gboolean   lx_sheet_finish          (LxSheet          *sheet,
                                     GError          **error);
void       lx_sheet_free            (LxSheet          *sheet);
gboolean   lx_sheet_write_query     (LxSheet          *sheet,
                                     sqlite3_stmt     *stmt,
                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxSheet, lx_sheet_free)

/* lx-export-summary.c */
gboolean   lx_export_summary        (LxExportJob      *job,
                                     GError          **error);

/* lx-export-sheets.c: labels of codes, and the ledgers in workbook order */
const char *lx_export_label         (const char       *kind,
                                     const char       *code);
gboolean   lx_export_register_labels (LxStore         *store,
                                      GError         **error);

#define LX_EXPORT_VISIT_COLUMNS 8
extern const LxColumn    lx_export_visit_columns[LX_EXPORT_VISIT_COLUMNS];
extern const char * const lx_export_visit_sql;
extern const char * const lx_export_visit_count_sql;

gboolean   lx_export_households     (LxExportJob      *job,
                                     GError          **error);
gboolean   lx_export_visits         (LxExportJob      *job,
                                     GError          **error);
gboolean   lx_export_field_visits   (LxExportJob      *job,
                                     GError          **error);
gboolean   lx_export_appeals        (LxExportJob      *job,
                                     GError          **error);
gboolean   lx_export_pairings       (LxExportJob      *job,
                                     GError          **error);
gboolean   lx_export_evaluation     (LxExportJob      *job,
                                     GError          **error);

/* The scope of an export as SQL: every query starts with this WITH clause
 * and binds :org, :from, :until (the day after the window) and :today. */
#define LX_EXPORT_SCOPE \
  "WITH RECURSIVE sub (id) AS (SELECT :org UNION " \
  "   SELECT o.id FROM organization o JOIN sub ON o.parent_id = sub.id), " \
  " scope_member (id) AS (SELECT m.id FROM member m " \
  "   WHERE :org = 0 OR m.org_id IN (SELECT id FROM sub)), " \
  " scope_household (id) AS (SELECT h.id FROM household h WHERE h.deleted_at IS NULL " \
  "   AND (:org = 0 " \
  "     OR h.zone_id IN (SELECT zone_id FROM member_zone WHERE member_id IN scope_member) " \
  "     OR h.id IN (SELECT household_id FROM pairing WHERE end_on IS NULL " \
  "                 AND member_id IN scope_member))) "

/* A visit belongs to the scope when one of its participants does. */
#define LX_EXPORT_VISIT_IN_SCOPE(v) \
  "(:org = 0 OR EXISTS (SELECT 1 FROM visit_member vm WHERE vm.visit_id = " v ".id " \
  "  AND vm.member_id IN scope_member))"

G_END_DECLS
