/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lx-store.h"
#include "lx-table-reader.h"

G_BEGIN_DECLS

#define LX_IMPORT_ERROR (lx_import_error_quark ())

typedef enum
{
  LX_IMPORT_ERROR_NO_HEADER,   /* no row of recognised column headers */
  LX_IMPORT_ERROR_MAPPING,     /* a required column is not mapped */
} LxImportError;

typedef enum
{
  LX_IMPORT_HOUSEHOLDS,
  LX_IMPORT_MEMBERS,
  LX_IMPORT_VISITS,
  LX_IMPORT_BALLOTS,         /* evaluation ballots (lx-import-ballots.c) */
} LxImportKind;

typedef enum
{
  LX_IMPORT_ON_MATCH_UPDATE,   /* fill in and correct the existing record */
  LX_IMPORT_ON_MATCH_SKIP,     /* leave the existing record as it is */
} LxImportOnMatch;

/* What a column holds. One list for the three kinds; each kind uses some. */
typedef enum
{
  LX_FIELD_IGNORE = 0,
  LX_FIELD_NAME,          /* head of household / member name */
  LX_FIELD_PHONE,
  LX_FIELD_ADDRESS,
  LX_FIELD_SITE,
  LX_FIELD_BUILDING,
  LX_FIELD_ENTRANCE,
  LX_FIELD_FLOOR,
  LX_FIELD_ROOM,
  LX_FIELD_NEED_TAGS,
  LX_FIELD_ID_NUMBER,
  LX_FIELD_SIZE,
  LX_FIELD_ZONE,
  LX_FIELD_NOTES,
  LX_FIELD_GENDER,
  LX_FIELD_BIRTH_DATE,
  LX_FIELD_JOIN_DATE,
  LX_FIELD_BRANCH,
  LX_FIELD_ROLE,
  LX_FIELD_VISIT_DATE,
  LX_FIELD_VISITORS,
  LX_FIELD_VISIT_KIND,
  LX_FIELD_BALLOT_NUMBER,
  LX_FIELD_RESPONDENT,
  LX_FIELD_GRADE_CONTACT,
  LX_FIELD_GRADE_APPEALS,
  LX_FIELD_GRADE_RELATIONS,
  LX_FIELD_GRADE_SATISFACTION,
  LX_FIELD_N
} LxImportField;

typedef struct
{
  guint  row;       /* as the spreadsheet shows it; 0: the whole file */
  char  *column;    /* the column's header, or NULL */
  char  *message;
} LxImportProblem;

typedef struct
{
  guint      added;
  guint      updated;
  guint      unchanged;
  guint      skipped;
  GPtrArray *problems;   /* of LxImportProblem; not empty: nothing was written */
  gboolean   dry_run;
} LxImportResult;

/* Progress from 0 to 1; called in the thread that runs the import (for
 * lx_import_run_async, in the caller's main context). */
typedef void (*LxImportProgress) (double   fraction,
                                  gpointer user_data);

#define LX_TYPE_IMPORT (lx_import_get_type ())
G_DECLARE_FINAL_TYPE (LxImport, lx_import, LX, IMPORT, GObject)

GQuark           lx_import_error_quark        (void);

/* Mapping (lx-import-mapping.c) */
const char      *lx_import_field_label        (LxImportField  field);
const LxImportField *lx_import_kind_fields    (LxImportKind   kind,
                                               guint         *n_fields);
LxImportField    lx_import_guess_field        (LxImportKind   kind,
                                               const char    *header);
const char      *lx_import_kind_label         (LxImportKind   kind);
gboolean         lx_import_kind_from_string   (const char    *text,
                                               LxImportKind  *out_kind);

/* Opening and previewing: reads the file and guesses the header row and the
 * mapping. */
LxImport        *lx_import_new_for_table      (LxTable       *table,
                                               const char    *file_name,
                                               LxImportKind   kind,
                                               GError       **error);
LxImport        *lx_import_new_from_file      (const char    *path,
                                               LxImportKind   kind,
                                               GCancellable  *cancellable,
                                               GError       **error);
void             lx_import_new_from_file_async (const char   *path,
                                               LxImportKind   kind,
                                               GCancellable  *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer       user_data);
LxImport        *lx_import_new_from_file_finish (GAsyncResult *result,
                                               GError       **error);

LxImportKind     lx_import_get_kind           (LxImport      *self);
const char      *lx_import_get_file_name      (LxImport      *self);
const char      *lx_import_get_encoding       (LxImport      *self);
guint            lx_import_get_header_row     (LxImport      *self);
guint            lx_import_get_n_columns      (LxImport      *self);
const char      *lx_import_get_header         (LxImport      *self,
                                               guint          column);
LxImportField    lx_import_get_mapping        (LxImport      *self,
                                               guint          column);
void             lx_import_set_mapping        (LxImport      *self,
                                               guint          column,
                                               LxImportField  field);
guint            lx_import_get_n_rows         (LxImport      *self);
guint            lx_import_get_row_number     (LxImport      *self,
                                               guint          row);
const char      *lx_import_get_cell           (LxImport      *self,
                                               guint          row,
                                               guint          column);
LxImportOnMatch  lx_import_get_on_match       (LxImport      *self);
void             lx_import_set_on_match       (LxImport      *self,
                                               LxImportOnMatch on_match);

/* Running: all or nothing, in one transaction on @store. Problems in the
 * data are returned in the result (nothing written); a failure of the
 * database or a cancel returns NULL with @error set (nothing written). */
LxImportResult  *lx_import_run                (LxImport      *self,
                                               LxStore       *store,
                                               gboolean       dry_run,
                                               LxImportProgress progress,
                                               gpointer       progress_data,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* The same in a thread with its own connection to the database at
 * @db_path. @progress is called in the thread-default main context of the
 * caller. */
void             lx_import_run_async          (LxImport      *self,
                                               const char    *db_path,
                                               gboolean       dry_run,
                                               LxImportProgress progress,
                                               gpointer       progress_data,
                                               GCancellable  *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer       user_data);
LxImportResult  *lx_import_run_finish         (LxImport      *self,
                                               GAsyncResult  *result,
                                               GError       **error);

gboolean         lx_import_result_has_errors  (const LxImportResult *result);
char            *lx_import_problem_format     (const LxImportProblem *problem);
void             lx_import_result_free        (LxImportResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxImportResult, lx_import_result_free)

G_END_DECLS
