/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define LX_STORE_ERROR (lx_store_error_quark ())

typedef enum
{
  LX_STORE_ERROR_NOT_FOUND,       /* the file does not exist and creating was not asked for */
  LX_STORE_ERROR_NOT_LIANXIN,     /* a file that is not a Lianxin database */
  LX_STORE_ERROR_NEWER_VERSION,   /* written by a newer Lianxin */
  LX_STORE_ERROR_DAMAGED,         /* fails PRAGMA quick_check or cannot be read */
  LX_STORE_ERROR_READ_ONLY,       /* the file or its folder cannot be written */
  LX_STORE_ERROR_BUSY,            /* another program holds the database */
  LX_STORE_ERROR_FULL,            /* the disk is full */
  LX_STORE_ERROR_CONSTRAINT,      /* a rule of the data was broken */
  LX_STORE_ERROR_FAILED,          /* anything else SQLite reports */
} LxStoreError;

typedef enum
{
  LX_STORE_OPEN_DEFAULT   = 0,
  LX_STORE_OPEN_CREATE    = 1 << 0,  /* create a missing file */
  LX_STORE_OPEN_READ_ONLY = 1 << 1,  /* never write: for checks */
} LxStoreOpenFlags;

/* The Lianxin mark in the SQLite header (PRAGMA application_id): "LXIN". */
#define LX_STORE_APPLICATION_ID 0x4c58494e

#define LX_TYPE_STORE (lx_store_get_type ())
G_DECLARE_FINAL_TYPE (LxStore, lx_store, LX, STORE, GObject)

typedef struct _LxTransaction LxTransaction;

GQuark         lx_store_error_quark          (void);
int            lx_store_schema_version       (void);
char          *lx_store_default_path         (void);
char          *lx_store_resolve_path         (const char        *override);

LxStore       *lx_store_open                 (const char        *path,
                                              LxStoreOpenFlags   flags,
                                              GError           **error);
gboolean       lx_store_inspect              (const char        *path,
                                              int               *out_version,
                                              GError           **error);
const char    *lx_store_get_path             (LxStore           *self);
sqlite3       *lx_store_get_db               (LxStore           *self);
gboolean       lx_store_is_read_only         (LxStore           *self);
int            lx_store_get_version          (LxStore           *self);

sqlite3_stmt  *lx_store_prepare              (LxStore           *self,
                                              const char        *sql,
                                              GError           **error);
gboolean       lx_store_exec                 (LxStore           *self,
                                              const char        *sql,
                                              GError           **error);
gboolean       lx_store_step_done            (LxStore           *self,
                                              sqlite3_stmt      *stmt,
                                              GError           **error);
gboolean       lx_store_finish_rows          (LxStore           *self,
                                              sqlite3_stmt      *stmt,
                                              int                rc,
                                              GError           **error);
gint64         lx_store_query_int            (LxStore           *self,
                                              const char        *sql,
                                              GError           **error);
gint64         lx_store_last_insert_id       (LxStore           *self);
void           lx_store_set_error            (LxStore           *self,
                                              GError           **error,
                                              const char        *context);

LxTransaction *lx_store_begin                (LxStore           *self,
                                              GError           **error);
gboolean       lx_transaction_commit         (LxTransaction     *tx,
                                              GError           **error);
void           lx_transaction_free           (LxTransaction     *tx);

gboolean       lx_store_log_change           (LxStore           *self,
                                              const char        *table,
                                              gint64             row_id,
                                              const char        *action,
                                              const char        *summary,
                                              GError           **error);

gboolean       lx_store_check                (LxStore           *self,
                                              char             **out_report,
                                              GError           **error);
gboolean       lx_store_backup               (LxStore           *self,
                                              const char        *dest_path,
                                              GCancellable      *cancellable,
                                              GError           **error);

char          *lx_store_get_setting          (LxStore           *self,
                                              const char        *key);
gboolean       lx_store_set_setting          (LxStore           *self,
                                              const char        *key,
                                              const char        *value,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxTransaction, lx_transaction_free)

/* Typed binds that keep NULLs NULL. */
void           lx_bind_text                  (sqlite3_stmt      *stmt,
                                              int                index,
                                              const char        *value);
void           lx_bind_id                    (sqlite3_stmt      *stmt,
                                              int                index,
                                              gint64             id);
char          *lx_column_dup                 (sqlite3_stmt      *stmt,
                                              int                index);

G_END_DECLS
