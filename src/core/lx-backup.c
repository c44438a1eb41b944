/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lx-backup.h"
#include "lx-date.h"

#define DAILY_PREFIX  "lianxin-"
#define BEFORE_PREFIX "lianxin-before-restore-"
#define SUFFIX        ".db"

void
lx_backup_info_free (LxBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->name);
  g_free (info->date);
  g_free (info);
}

char *
lx_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

static gboolean
ensure_dir (const char  *dir,
            GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, LX_STORE_ERROR,
                   saved == ENOSPC ? LX_STORE_ERROR_FULL : LX_STORE_ERROR_READ_ONLY,
                   _("Cannot create the backup folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_iso_date (const char *s)
{
  static const char pattern[] = "dddd-dd-dd";

  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (s[i]) : s[i] != pattern[i])
      return FALSE;
  return TRUE;
}

/* The backup a file name stands for, or NULL for any other file. */
static LxBackupInfo *
parse_name (const char *dir,
            const char *name)
{
  g_autoptr(LxBackupInfo) info = g_new0 (LxBackupInfo, 1);
  const char *date;
  gsize len = strlen (name);
  GStatBuf st;

  if (g_str_has_prefix (name, BEFORE_PREFIX))
    {
      date = name + strlen (BEFORE_PREFIX);
      info->before_restore = TRUE;
      if (len != strlen (BEFORE_PREFIX) + 17 + strlen (SUFFIX))   /* YYYY-MM-DDTHHMMSS */
        return NULL;
    }
  else if (g_str_has_prefix (name, DAILY_PREFIX))
    {
      date = name + strlen (DAILY_PREFIX);
      if (len != strlen (DAILY_PREFIX) + 10 + strlen (SUFFIX))
        return NULL;
    }
  else
    return NULL;

  if (!g_str_has_suffix (name, SUFFIX) || !is_iso_date (date))
    return NULL;

  info->name = g_strdup (name);
  info->date = g_strndup (date, 10);
  info->path = g_build_filename (dir, name, NULL);
  if (g_stat (info->path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  info->size = st.st_size;
  return g_steal_pointer (&info);
}

/* Newest first; on the same day, the daily backup before the before-restore copies. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const LxBackupInfo *x = *(LxBackupInfo * const *)a;
  const LxBackupInfo *y = *(LxBackupInfo * const *)b;

  return -strcmp (x->name + (x->before_restore ? strlen (BEFORE_PREFIX) : strlen (DAILY_PREFIX)),
                  y->name + (y->before_restore ? strlen (BEFORE_PREFIX) : strlen (DAILY_PREFIX)));
}

static GPtrArray *
list_dir (const char  *dir,
          GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_backup_info_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &local_error);
  const char *name;

  if (d == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_FAILED,
                   _("Cannot read the backup folder “%s”: %s"), dir, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      LxBackupInfo *info = parse_name (dir, name);
      if (info != NULL)
        g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

/**
 * lx_backup_list:
 * @db_path: the database whose backups to list
 *
 * Returns: (transfer full) (element-type LxBackupInfo): the backups, newest first.
 */
GPtrArray *
lx_backup_list (const char  *db_path,
                GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  dir = lx_backup_dir_for (db_path);
  return list_dir (dir, error);
}

static int
month_index (const char *iso)
{
  return atoi (iso) * 12 + atoi (iso + 5) - 1;
}

/**
 * lx_backup_rotate:
 * @today: YYYY-MM-DD
 *
 * Keeps the %LX_BACKUP_KEEP_DAILY newest daily backups and, for each of the
 * %LX_BACKUP_KEEP_MONTHLY months up to @today's, the newest of that month;
 * deletes the other daily backups. Before-restore copies are never deleted:
 * they are the user's way back from a restore.
 */
gboolean
lx_backup_rotate (const char  *backup_dir,
                  const char  *today,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) months = g_hash_table_new (NULL, NULL);
  int this_month = month_index (today);
  guint daily = 0;

  if (!(list = list_dir (backup_dir, error)))
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      LxBackupInfo *info = g_ptr_array_index (list, i);
      int month = month_index (info->date);
      gboolean keep = FALSE;

      if (info->before_restore)
        continue;
      if (daily++ < LX_BACKUP_KEEP_DAILY)
        keep = TRUE;
      if (this_month - month < LX_BACKUP_KEEP_MONTHLY &&
          !g_hash_table_contains (months, GINT_TO_POINTER (month + 1)))
        keep = TRUE;
      g_hash_table_add (months, GINT_TO_POINTER (month + 1));

      if (!keep && g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_FAILED,
                       _("Cannot remove the old backup “%s”: %s"), info->path, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * lx_backup_make_daily:
 * @replace: make a fresh copy even if today's backup exists ("Back Up Now")
 * @out_created: (out) (optional): FALSE when today's backup existed already
 *
 * Makes today's backup (LIANXIN_TODAY is honoured) unless it exists, then
 * rotates the folder. A replaced backup is swapped atomically.
 *
 * Returns: (transfer full): the path of today's backup, or NULL on error.
 */
char *
lx_backup_make_daily (LxStore       *store,
                      gboolean       replace,
                      gboolean      *out_created,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *today = lx_date_today ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  dir = lx_backup_dir_for (lx_store_get_path (store));
  if (!ensure_dir (dir, error))
    return NULL;
  name = g_strdup_printf (DAILY_PREFIX "%s" SUFFIX, today);
  path = g_build_filename (dir, name, NULL);

  if (replace || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!lx_store_backup (store, path, cancellable, error))
        return NULL;
      created = TRUE;
    }
  if (!lx_backup_rotate (dir, today, error))
    return NULL;
  if (out_created != NULL)
    *out_created = created;
  return g_steal_pointer (&path);
}

/**
 * lx_backup_verify:
 *
 * Checks that @backup_path is a Lianxin database this version can read and
 * that it passes PRAGMA integrity_check, without writing to it.
 */
gboolean
lx_backup_verify (const char  *backup_path,
                  GError     **error)
{
  g_autoptr(LxStore) store = NULL;
  int version = 0;

  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!lx_store_inspect (backup_path, &version, error))
    return FALSE;
  if (version < 1)
    {
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_NOT_LIANXIN,
                   _("“%s” is empty, not a Lianxin backup"), backup_path);
      return FALSE;
    }
  if (!(store = lx_store_open (backup_path, LX_STORE_OPEN_READ_ONLY, error)))
    return FALSE;
  return lx_store_check (store, NULL, error);
}

static void set_io_error (GError     **error,
                          int          errsv,
                          const char  *format,
                          ...) G_GNUC_PRINTF (3, 4);

/* @format takes the path and the system's message. */
static void
set_io_error (GError     **error,
              int          errsv,
              const char  *format,
              ...)
{
  int code = errsv == ENOSPC || errsv == EFBIG || errsv == EDQUOT ? LX_STORE_ERROR_FULL
           : errsv == EACCES || errsv == EROFS || errsv == EPERM ? LX_STORE_ERROR_READ_ONLY
           : LX_STORE_ERROR_FAILED;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LX_STORE_ERROR, code, message);
}

static gboolean
fsync_dir (const char  *dir,
           GError     **error)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      set_io_error (error, errno, _("Cannot write to the folder “%s”: %s"), dir,
                    g_strerror (errno));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
copy_fd (int          in,
         int          out,
         const char  *dest,
         GError     **error)
{
  char buf[65536];
  gssize n;

  while ((n = read (in, buf, sizeof buf)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_io_error (error, errno, _("Cannot read the backup for “%s”: %s"), dest,
                    g_strerror (errno));
          return FALSE;
        }
      for (gssize done = 0; done < n;)
        {
          gssize w = write (out, buf + done, n - done);
          if (w < 0 && errno == EINTR)
            continue;
          if (w <= 0)
            {
              set_io_error (error, w < 0 ? errno : ENOSPC, _("Cannot write “%s”: %s"), dest,
                    g_strerror (w < 0 ? errno : ENOSPC));
              return FALSE;
            }
          done += w;
        }
    }
  if (fsync (out) != 0)
    {
      set_io_error (error, errno, _("Cannot write “%s”: %s"), dest,
                    g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Copies @src to @tmp (created 0600, never an existing file) and syncs it. */
static gboolean
copy_synced (const char  *src,
             const char  *tmp,
             GError     **error)
{
  int in, out;
  gboolean ok;

  if ((in = g_open (src, O_RDONLY | O_CLOEXEC, 0)) < 0)
    {
      set_io_error (error, errno, _("Cannot read “%s”: %s"), src,
                    g_strerror (errno));
      return FALSE;
    }
  g_unlink (tmp);
  if ((out = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
    {
      set_io_error (error, errno, _("Cannot write “%s”: %s"), tmp,
                    g_strerror (errno));
      close (in);
      return FALSE;
    }
  ok = copy_fd (in, out, tmp, error);
  close (in);
  if (close (out) != 0 && ok)
    {
      set_io_error (error, errno, _("Cannot write “%s”: %s"), tmp,
                    g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/* Keeps the current database as a backup of its own before a restore.
 * A database too damaged to open is copied byte for byte instead. */
static char *
save_current (const char    *db_path,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *dir = lx_backup_dir_for (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H%M%S");
  g_autofree char *name = g_strdup_printf (BEFORE_PREFIX "%s" SUFFIX, stamp);
  g_autofree char *path = NULL;
  g_autoptr(LxStore) store = NULL;

  if (!ensure_dir (dir, error))
    return NULL;
  path = g_build_filename (dir, name, NULL);

  store = lx_store_open (db_path, LX_STORE_OPEN_READ_ONLY, NULL);
  if (store != NULL)
    {
      if (!lx_store_backup (store, path, cancellable, error))
        return NULL;
    }
  else
    {
      g_autofree char *tmp = g_strdup_printf ("%s.part", path);
      if (!copy_synced (db_path, tmp, error))
        return NULL;
      if (g_rename (tmp, path) != 0)
        {
          set_io_error (error, errno, _("Cannot write “%s”: %s"), path,
                    g_strerror (errno));
          g_unlink (tmp);
          return NULL;
        }
    }
  return g_steal_pointer (&path);
}

static gboolean
remove_stale (const char  *db_path,
              const char  *suffix,
              GError     **error)
{
  g_autofree char *path = g_strconcat (db_path, suffix, NULL);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      set_io_error (error, errno, _("Cannot remove “%s”: %s"), path,
                    g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * lx_backup_restore:
 * @db_path: the database to replace
 * @backup_path: the backup to put in its place
 * @out_saved_path: (out) (optional): where the replaced database was kept
 *
 * Checks the backup, keeps the current database as
 * lianxin-before-restore-<time>.db, then replaces the database atomically: a
 * synced copy beside it renamed over it. The old write-ahead log and shared
 * memory files are removed first, so that they are never replayed onto the
 * restored file (their content is in the kept copy). No other program may
 * have the database open: close the store first.
 */
gboolean
lx_backup_restore (const char    *db_path,
                   const char    *backup_path,
                   char         **out_saved_path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *saved = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!lx_backup_verify (backup_path, error))
    {
      g_prefix_error (error, _("The backup was not restored: "));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) &&
      !(saved = save_current (db_path, cancellable, error)))
    return FALSE;

  tmp = g_strdup_printf ("%s.restore-part", db_path);
  dir = g_path_get_dirname (db_path);
  if (!copy_synced (backup_path, tmp, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !remove_stale (db_path, "-wal", error) ||
      !remove_stale (db_path, "-shm", error) ||
      !remove_stale (db_path, "-journal", error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, db_path) != 0)
    {
      set_io_error (error, errno, _("Cannot replace “%s”: %s"), db_path,
                    g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  if (!fsync_dir (dir, error))
    return FALSE;

  if (out_saved_path != NULL)
    *out_saved_path = g_steal_pointer (&saved);
  return TRUE;
}
