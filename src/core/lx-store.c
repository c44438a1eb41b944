/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lx-store.h"
#include "lx-schema.h"

struct _LxStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt* */
  GHashTable *dirty_tables; /* tables changed in the open transaction */
  int         tx_depth;
  int         version;
  guint       read_only : 1;
};

struct _LxTransaction
{
  LxStore  *store;
  int       depth;
  gboolean  finished;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LxStore, lx_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (lx-store-error-quark, lx_store_error)

static void
lx_store_finalize (GObject *object)
{
  LxStore *self = (LxStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->dirty_tables, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (lx_store_parent_class)->finalize (object);
}

static void
lx_store_class_init (LxStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lx_store_finalize;

  /**
   * LxStore::changed:
   * @table: the table that changed
   *
   * Emitted after a transaction that changed @table has committed; the
   * detail is the table name, so a model can listen to "changed::household".
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
lx_store_init (LxStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->dirty_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

int
lx_store_schema_version (void)
{
  return lx_schema_latest_version ();
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return LX_STORE_ERROR_BUSY;
    case SQLITE_FULL:
      return LX_STORE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return LX_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return LX_STORE_ERROR_DAMAGED;
    case SQLITE_CONSTRAINT:
      return LX_STORE_ERROR_CONSTRAINT;
    default:
      return LX_STORE_ERROR_FAILED;
    }
}

/* SQLite reports a write that failed with EFBIG (a file-size limit) or
 * EDQUOT, and some ENOSPC cases, as a generic I/O error: the user needs to
 * hear "the disk is full". */
static int
classify_error (sqlite3 *db,
                int      rc)
{
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  if ((rc & 0xff) == SQLITE_IOERR &&
      (sys_errno == ENOSPC || sys_errno == EFBIG || sys_errno == EDQUOT))
    return LX_STORE_ERROR_FULL;
  return error_code_for_sqlite (rc);
}

static const char *
explain_code (int code)
{
  switch (code)
    {
    case LX_STORE_ERROR_BUSY:
      return _("The database is in use by another program");
    case LX_STORE_ERROR_FULL:
      return _("The disk is full; the change was not saved");
    case LX_STORE_ERROR_READ_ONLY:
      return _("The database cannot be written");
    case LX_STORE_ERROR_DAMAGED:
      return _("The database file is damaged");
    case LX_STORE_ERROR_CONSTRAINT:
      return _("The change breaks a rule of the data");
    default:
      return _("The database reported an error");
    }
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *context)
{
  int code = classify_error (db, rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (context != NULL)
    g_set_error (error, LX_STORE_ERROR, code, "%s: %s (%s)", context, explain_code (code), detail);
  else
    g_set_error (error, LX_STORE_ERROR, code, "%s (%s)", explain_code (code), detail);
}

void
lx_store_set_error (LxStore     *self,
                    GError     **error,
                    const char  *context)
{
  g_return_if_fail (LX_IS_STORE (self));

  set_sqlite_error (error, self->db, sqlite3_extended_errcode (self->db), context);
}

char *
lx_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lianxin", "lianxin.db", NULL);
}

/* The path the user asked for (--database), else $LIANXIN_DATABASE, else the
 * database in the user data directory. */
char *
lx_store_resolve_path (const char *override)
{
  const char *env;

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  env = g_getenv ("LIANXIN_DATABASE");
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return lx_store_default_path ();
}

/* Opens @path for reading only. Without a -wal file nothing is pending, and
 * the file is opened immutable: SQLite then takes no locks and, above all,
 * creates no -wal/-shm files beside a WAL-mode database, so inspecting (and
 * refusing) a file never leaves a byte behind. With a -wal file present the
 * log must be read, through the normal (locking) path. */
static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *abs = g_canonicalize_filename (path, NULL);
      g_autofree char *base = g_filename_to_uri (abs, NULL, NULL);

      if (base != NULL)
        uri = g_strconcat (base, "?immutable=1", NULL);
    }

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX |
                        (uri != NULL ? SQLITE_OPEN_URI : 0),
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, path);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gint64
simple_int (sqlite3 *db,
            const char *sql,
            int *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (out_rc != NULL)
    *out_rc = rc;
  return value;
}

static gboolean
run_quick_check (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(5)", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be read: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }
  if (problems->len > 0)
    {
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: %s"), path, problems->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wal_has_content (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

static gboolean
check_not_newer (const char  *path,
                 guint32      app_id,
                 guint32      version,
                 GError     **error)
{
  if (app_id != LX_STORE_APPLICATION_ID || version <= (guint32)lx_store_schema_version ())
    return TRUE;

  g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_NEWER_VERSION,
               _("“%s” was written by a newer version of Lianxin (schema %u; this version "
                 "reads up to %d). Update Lianxin to open it."),
               path, version, lx_store_schema_version ());
  return FALSE;
}

/**
 * lx_store_inspect:
 * @path: a database file
 * @out_version: (out): its schema version, 0 for a new file
 *
 * Decides, without writing a byte to @path, whether Lianxin may open it:
 * an empty file or a Lianxin database no newer than this build that passes
 * PRAGMA quick_check.
 */
gboolean
lx_store_inspect (const char  *path,
                  int         *out_version,
                  GError     **error)
{
  GStatBuf st;
  guint32 app_id, version;
  sqlite3 *db;
  gint64 n_objects;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Only SQLite opens the file: closing a descriptor of our own on it would
   * drop every POSIX lock this process holds on it, including those of a
   * connection already open (SQLite's "how to corrupt", §2.2), and another
   * program could then checkpoint the WAL under that connection. */
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, LX_STORE_ERROR,
                   saved == ENOENT ? LX_STORE_ERROR_NOT_FOUND : LX_STORE_ERROR_READ_ONLY,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  if (st.st_size == 0 && !wal_has_content (path))
    {
      *out_version = 0;
      return TRUE;
    }

  if (!(db = open_read_only (path, error)))
    return FALSE;

  simple_int (db, "PRAGMA schema_version", &rc);
  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      sqlite3_close_v2 (db);
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_NOT_LIANXIN,
                   _("“%s” is not a Lianxin database (it is not an SQLite file)"), path);
      return FALSE;
    }

  /* Read through SQLite, which sees the WAL too: a database just created
   * keeps its first pages there until a checkpoint. */
  app_id = (guint32)simple_int (db, "PRAGMA application_id", NULL);
  version = (guint32)simple_int (db, "PRAGMA user_version", NULL);
  if (!check_not_newer (path, app_id, version, error))
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }

  if (app_id != LX_STORE_APPLICATION_ID)
    {
      n_objects = simple_int (db, "SELECT count(*) FROM sqlite_schema", &rc);
      if (rc != SQLITE_OK || n_objects != 0)
        {
          sqlite3_close_v2 (db);
          g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_NOT_LIANXIN,
                       _("“%s” is an SQLite database of another program, not a Lianxin database"),
                       path);
          return FALSE;
        }
      version = 0;
    }

  if (!run_quick_check (db, path, error))
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }

  sqlite3_close_v2 (db);
  *out_version = version;
  return TRUE;
}

static gboolean
create_empty_file (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_READ_ONLY,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Created 0600 from the first byte: residents' data is never world-readable. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, LX_STORE_ERROR,
                   saved == ENOSPC ? LX_STORE_ERROR_FULL : LX_STORE_ERROR_READ_ONLY,
                   _("Cannot create the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

gboolean
lx_store_exec (LxStore     *self,
               const char  *sql,
               GError     **error)
{
  char *msg = NULL;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK)
    {
      int code = classify_error (self->db, rc);
      g_set_error (error, LX_STORE_ERROR, code, "%s (%s)", explain_code (code), msg ? msg : "");
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

/* How long to wait for another program's lock: 5 s, or LIANXIN_BUSY_TIMEOUT_MS
 * (the refusal tests use a short one to stay fast). */
static int
busy_timeout_ms (void)
{
  const char *env = g_getenv ("LIANXIN_BUSY_TIMEOUT_MS");
  gint64 ms = env != NULL ? g_ascii_strtoll (env, NULL, 10) : 0;

  return ms > 0 && ms <= 600000 ? (int)ms : 5000;
}

static gboolean
apply_pragmas (LxStore  *self,
               GError  **error)
{
  sqlite3_busy_timeout (self->db, busy_timeout_ms ());
  sqlite3_extended_result_codes (self->db, TRUE);

  if (!lx_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (self->read_only)
    return TRUE;
  return lx_store_exec (self,
                        "PRAGMA journal_mode = WAL;"
                        "PRAGMA synchronous = FULL;",
                        error);
}

static gboolean
migrate (LxStore  *self,
         GError  **error)
{
  int latest = lx_store_schema_version ();

  for (int v = self->version + 1; v <= latest; v++)
    {
      g_autofree char *script = NULL;
      g_autofree char *bump = NULL;

      if (!(script = lx_schema_load_step (v, error)))
        return FALSE;

      if (!lx_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                              LX_STORE_APPLICATION_ID, v);
      if (!lx_store_exec (self, script, error) ||
          !lx_store_exec (self, bump, error) ||
          !lx_store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Cannot upgrade the database to schema %d: "), v);
          return FALSE;
        }
      self->version = v;
    }
  return TRUE;
}

/**
 * lx_store_open:
 * @path: the database file
 * @flags: whether to create a missing file, or to open read-only
 *
 * Opens a Lianxin database. A file that is not Lianxin's, that is damaged or
 * that comes from a newer version is refused before anything is written.
 */
LxStore *
lx_store_open (const char        *path,
               LxStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(LxStore) self = NULL;
  gboolean read_only = (flags & LX_STORE_OPEN_READ_ONLY) != 0;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & LX_STORE_OPEN_CREATE) || read_only)
        {
          g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_NOT_FOUND,
                       _("There is no database at “%s”"), path);
          return NULL;
        }
      if (!create_empty_file (path, error))
        return NULL;
    }
  else if (!lx_store_inspect (path, &version, error))
    return NULL;

  self = g_object_new (LX_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->version = version;

  rc = sqlite3_open_v2 (path, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  if (!read_only && access (path, W_OK) != 0)
    {
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: %s"), path, g_strerror (errno));
      return NULL;
    }

  /* SQLite writes its -wal and -shm files beside the database: without a
   * writable folder every change would fail later with a vaguer message. */
  if (!read_only)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (access (dir, W_OK) != 0)
        {
          g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_READ_ONLY,
                       _("The folder “%s” cannot be written (%s), so the database in it cannot "
                         "be changed. Check the folder’s permissions."),
                       dir, g_strerror (errno));
          return NULL;
        }
    }

  if (!apply_pragmas (self, error))
    return NULL;

  if (read_only)
    return g_steal_pointer (&self);

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
lx_store_get_path (LxStore *self)
{
  g_return_val_if_fail (LX_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
lx_store_get_db (LxStore *self)
{
  g_return_val_if_fail (LX_IS_STORE (self), NULL);
  return self->db;
}

gboolean
lx_store_is_read_only (LxStore *self)
{
  g_return_val_if_fail (LX_IS_STORE (self), TRUE);
  return self->read_only;
}

int
lx_store_get_version (LxStore *self)
{
  g_return_val_if_fail (LX_IS_STORE (self), 0);
  return self->version;
}

/**
 * lx_store_prepare:
 *
 * Returns: (transfer none): a statement cached for the life of the store,
 * reset and with its bindings cleared.
 */
sqlite3_stmt *
lx_store_prepare (LxStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, NULL);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Ends a loop over a statement's rows: resets it, and fails with the
 * database's message unless @rc, the last sqlite3_step() result, is
 * SQLITE_DONE. */
gboolean
lx_store_finish_rows (LxStore       *self,
                      sqlite3_stmt  *stmt,
                      int            rc,
                      GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (self, error, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Steps a statement that returns no rows, then resets it. */
gboolean
lx_store_step_done (LxStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, sqlite3_extended_errcode (self->db), NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
lx_store_query_int (LxStore     *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 value;
  int rc;

  if (!(stmt = lx_store_prepare (self, sql, error)))
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_FAILED, "no row: %s", sql);
      else
        set_sqlite_error (error, self->db, rc, NULL);
      sqlite3_reset (stmt);
      return -1;
    }
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gint64
lx_store_last_insert_id (LxStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * lx_store_begin:
 *
 * Starts a transaction, or a savepoint inside one. Use it as a scope:
 * |[
 * g_autoptr(LxTransaction) tx = lx_store_begin (store, error);
 * if (tx == NULL) return FALSE;
 * ... changes ...
 * return lx_transaction_commit (tx, error);
 * ]|
 * A transaction freed without a commit is rolled back.
 */
LxTransaction *
lx_store_begin (LxStore  *self,
                GError  **error)
{
  LxTransaction *tx;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LX_IS_STORE (self), NULL);

  if (self->read_only)
    {
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_READ_ONLY,
                   _("The database is open read-only"));
      return NULL;
    }

  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT lx_%d", self->tx_depth);

  if (!lx_store_exec (self, sql, error))
    return NULL;

  tx = g_new0 (LxTransaction, 1);
  tx->store = g_object_ref (self);
  tx->depth = self->tx_depth++;
  return tx;
}

static void
emit_changes (LxStore *self)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->dirty_tables);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_ptr_array_add (tables, key);
      g_hash_table_iter_steal (&iter);
    }

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
    }
}

gboolean
lx_transaction_commit (LxTransaction  *tx,
                       GError        **error)
{
  LxStore *self;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (!tx->finished, FALSE);

  self = tx->store;
  g_return_val_if_fail (self->tx_depth == tx->depth + 1, FALSE);

  if (tx->depth == 0)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE lx_%d", tx->depth);

  if (!lx_store_exec (self, sql, error))
    return FALSE;   /* freeing the transaction rolls it back */

  tx->finished = TRUE;
  self->tx_depth--;
  if (self->tx_depth == 0)
    emit_changes (self);
  return TRUE;
}

void
lx_transaction_free (LxTransaction *tx)
{
  LxStore *self;

  if (tx == NULL)
    return;

  self = tx->store;
  if (!tx->finished)
    {
      g_autofree char *sql = NULL;

      if (tx->depth == 0)
        {
          sql = g_strdup ("ROLLBACK");
          g_hash_table_remove_all (self->dirty_tables);
        }
      else
        sql = g_strdup_printf ("ROLLBACK TO lx_%d; RELEASE lx_%d", tx->depth, tx->depth);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
      self->tx_depth--;
    }

  g_object_unref (self);
  g_free (tx);
}

/**
 * lx_store_log_change:
 * @table: the table changed
 * @action: "insert", "update", "delete", "restore" or "import"
 * @summary: (nullable): a short human note
 *
 * Appends to the change log; must be called inside a transaction, whose
 * commit then emits #LxStore::changed for @table.
 */
gboolean
lx_store_log_change (LxStore     *self,
                     const char  *table,
                     gint64       row_id,
                     const char  *action,
                     const char  *summary,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  stmt = lx_store_prepare (self,
                           "INSERT INTO change_log (at, table_name, row_id, action, summary) "
                           "VALUES (strftime('%Y-%m-%dT%H:%M:%S','now','localtime'), ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  if (row_id > 0)
    sqlite3_bind_int64 (stmt, 2, row_id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  lx_bind_text (stmt, 4, summary);

  if (!lx_store_step_done (self, stmt, error))
    return FALSE;

  g_hash_table_add (self->dirty_tables, g_strdup (table));
  return TRUE;
}

/**
 * lx_store_check:
 * @out_report: (out): a readable report
 *
 * Runs PRAGMA integrity_check and reports the schema version.
 */
gboolean
lx_store_check (LxStore  *self,
                char    **out_report,
                GError  **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(20)", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        {
          ok = FALSE;
          g_string_append_printf (report, "%s\n", line);
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  if (!ok)
    {
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: %s"), self->path, report->str);
      return FALSE;
    }

  if (out_report != NULL)
    *out_report = g_strdup_printf (_("%s: intact, schema version %d (this version of Lianxin: %d)"),
                                   self->path, self->version, lx_store_schema_version ());
  return TRUE;
}

/**
 * lx_store_backup:
 * @dest_path: where to write the copy
 *
 * Copies the database with the SQLite backup API into a temporary file beside
 * @dest_path (mode 0600) and renames it into place, so a cancelled or failed
 * backup never leaves a half-written file under the real name.
 */
gboolean
lx_store_backup (LxStore       *self,
                 const char    *dest_path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *tmp_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  tmp_path = g_strdup_printf ("%s.part", dest_path);
  g_unlink (tmp_path);
  if (!create_empty_file (tmp_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest, rc, tmp_path);
      goto fail;
    }

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, dest, sqlite3_errcode (dest), tmp_path);
      goto fail;
    }

  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_backup_finish (backup);
          goto fail;
        }
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, dest, rc, dest_path);
      goto fail;
    }

  /* A backup is a single file: no WAL beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);
  dest = NULL;

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, LX_STORE_ERROR, LX_STORE_ERROR_FAILED,
                   _("Cannot write the backup “%s”: %s"), dest_path, g_strerror (saved));
      goto fail;
    }
  return TRUE;

fail:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  g_unlink (tmp_path);
  return FALSE;
}

char *
lx_store_get_setting (LxStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (LX_IS_STORE (self), NULL);

  stmt = lx_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = lx_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
lx_store_set_setting (LxStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (self), FALSE);

  if (!(tx = lx_store_begin (self, error)))
    return FALSE;

  stmt = lx_store_prepare (self,
                           "INSERT INTO setting (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  lx_bind_text (stmt, 2, value);
  if (!lx_store_step_done (self, stmt, error) ||
      !lx_store_log_change (self, "setting", 0, "update", key, error))
    return FALSE;

  return lx_transaction_commit (tx, error);
}

void
lx_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
lx_bind_id (sqlite3_stmt *stmt,
            int           index,
            gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
lx_column_dup (sqlite3_stmt *stmt,
               int           index)
{
  const char *text = (const char *)sqlite3_column_text (stmt, index);
  return text != NULL ? g_strdup (text) : NULL;
}
