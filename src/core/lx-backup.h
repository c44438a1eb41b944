/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-store.h"

G_BEGIN_DECLS

/* Automatic backups in <data dir>/backups/ beside the database:
 *   lianxin-YYYY-MM-DD.db                     the day's backup (rotated)
 *   lianxin-before-restore-YYYY-MM-DDTHHMMSS.db  the database a restore replaced (kept)
 * Files 0600, folder 0700. */

#define LX_BACKUP_KEEP_DAILY   14
#define LX_BACKUP_KEEP_MONTHLY 12

typedef struct
{
  char    *path;
  char    *name;            /* the file name */
  char    *date;            /* YYYY-MM-DD (from the name) */
  gint64   size;            /* bytes */
  gboolean before_restore;  /* kept by a restore, never rotated away */
} LxBackupInfo;

void          lx_backup_info_free     (LxBackupInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxBackupInfo, lx_backup_info_free)

char         *lx_backup_dir_for       (const char    *db_path);
char         *lx_backup_make_daily    (LxStore       *store,
                                       gboolean       replace,
                                       gboolean      *out_created,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean      lx_backup_rotate        (const char    *backup_dir,
                                       const char    *today,
                                       GError       **error);
GPtrArray    *lx_backup_list          (const char    *db_path,
                                       GError       **error);
gboolean      lx_backup_verify        (const char    *backup_path,
                                       GError       **error);
gboolean      lx_backup_restore       (const char    *db_path,
                                       const char    *backup_path,
                                       char         **out_saved_path,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
