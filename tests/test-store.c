/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sys/stat.h>

#include "lx-store.h"
#include "lx-test-util.h"

static void
test_create_sets_pragmas (LxFixture     *fx,
                          gconstpointer  data)
{
  struct stat st;

  g_assert_cmpint (g_stat (fx->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (lx_store_get_version (fx->store), ==, lx_store_schema_version ());
  g_assert_cmpint (lx_store_query_int (fx->store, "PRAGMA user_version", NULL), ==,
                   lx_store_schema_version ());
  g_assert_cmpint (lx_store_query_int (fx->store, "PRAGMA application_id", NULL), ==,
                   LX_STORE_APPLICATION_ID);
  g_assert_cmpint (lx_store_query_int (fx->store, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "PRAGMA synchronous", NULL), ==, 2);
  g_assert_cmpint (lx_store_query_int (fx->store,
                                       "SELECT journal_mode = 'wal' FROM pragma_journal_mode", NULL),
                   ==, 1);
}

static void
test_defaults_seeded (LxFixture     *fx,
                      gconstpointer  data)
{
  g_assert_cmpint (lx_store_query_int (fx->store,
                                       "SELECT interval_days FROM visit_rule WHERE code='default'",
                                       NULL), ==, 365);
  g_assert_cmpint (lx_store_query_int (fx->store,
                                       "SELECT interval_days FROM visit_rule WHERE code='paired'",
                                       NULL), ==, 182);
  g_assert_cmpint (lx_store_query_int (fx->store,
                                       "SELECT households FROM quota WHERE role='secretary'", NULL),
                   ==, 5);
  g_assert_cmpint (lx_store_query_int (fx->store,
                                       "SELECT households FROM quota WHERE role='committee'", NULL),
                   ==, 3);
  g_assert_cmpint (lx_store_query_int (fx->store,
                                       "SELECT households FROM quota WHERE role='group_leader'", NULL),
                   ==, 2);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM need_tag", NULL), ==, 9);
}

static void
test_reopen (LxFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) again = NULL;

  g_assert_true (lx_store_exec (fx->store, "INSERT INTO zone (name) VALUES ('一网格')", NULL));
  g_clear_object (&fx->store);

  again = lx_store_open (fx->path, LX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_query_int (again, "SELECT count(*) FROM zone", NULL), ==, 1);
}

static void
test_missing_without_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) store = NULL;

  store = lx_store_open ("/nonexistent-lianxin/x.db", LX_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, LX_STORE_ERROR, LX_STORE_ERROR_NOT_FOUND);
}

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) store = NULL;
  g_autofree char *before = lx_test_checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = lx_store_open (path, LX_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, LX_STORE_ERROR, code);
  g_assert_true (strstr (error->message, path) != NULL);

  after = lx_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) &&
                  code != LX_STORE_ERROR_NEWER_VERSION && code != LX_STORE_ERROR_DAMAGED);
}

static void
test_refuses_newer_version (LxFixture     *fx,
                            gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          lx_store_schema_version () + 1);

  g_assert_true (lx_store_exec (fx->store, sql, NULL));
  g_clear_object (&fx->store);
  assert_refused_unchanged (fx->path, LX_STORE_ERROR_NEWER_VERSION);
}

static void
test_refuses_text_file (LxFixture     *fx,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "notes.db", NULL);

  g_assert_true (g_file_set_contents (path, "户主姓名,电话\n张三,13800000000\n", -1, NULL));
  assert_refused_unchanged (path, LX_STORE_ERROR_NOT_LIANXIN);
}

static void
test_refuses_foreign_sqlite (LxFixture     *fx,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "other.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, LX_STORE_ERROR_NOT_LIANXIN);
}

static void
test_refuses_damaged (LxFixture     *fx,
                      gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len;

  /* Enough rows for several b-tree pages, then scribble over one of them. */
  g_assert_true (lx_store_exec (fx->store,
                                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) "
                                "INSERT INTO zone (name) SELECT 'zone ' || i FROM n", NULL));
  g_clear_object (&fx->store);

  g_assert_true (g_file_get_contents (fx->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096 * 8);
  memset (contents + len - 4096 * 3 + 16, 0x5a, 2000);
  g_assert_true (g_file_set_contents (fx->path, contents, len, NULL));

  assert_refused_unchanged (fx->path, LX_STORE_ERROR_DAMAGED);
}

static void
test_transaction_rollback (LxFixture     *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(LxTransaction) tx = lx_store_begin (fx->store, &error);
    g_assert_no_error (error);
    g_assert_true (lx_store_exec (fx->store, "INSERT INTO zone (name) VALUES ('a')", NULL));
    /* no commit: rolled back at the end of the scope */
  }
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM zone", NULL), ==, 0);

  {
    g_autoptr(LxTransaction) outer = lx_store_begin (fx->store, &error);
    g_assert_true (lx_store_exec (fx->store, "INSERT INTO zone (name) VALUES ('outer')", NULL));
    {
      g_autoptr(LxTransaction) inner = lx_store_begin (fx->store, &error);
      g_assert_no_error (error);
      g_assert_true (lx_store_exec (fx->store, "INSERT INTO zone (name) VALUES ('inner')", NULL));
    }
    g_assert_true (lx_transaction_commit (outer, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM zone", NULL), ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM zone WHERE name='outer'",
                                       NULL), ==, 1);
}

static void
on_changed (LxStore    *store,
            const char *table,
            guint      *count)
{
  (*count)++;
}

static void
test_change_log_and_signal (LxFixture     *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint household_changes = 0, zone_changes = 0;

  g_signal_connect (fx->store, "changed::household", G_CALLBACK (on_changed), &household_changes);
  g_signal_connect (fx->store, "changed::zone", G_CALLBACK (on_changed), &zone_changes);

  {
    g_autoptr(LxTransaction) tx = lx_store_begin (fx->store, &error);
    g_assert_true (lx_store_exec (fx->store, "INSERT INTO zone (name) VALUES ('z')", NULL));
    g_assert_true (lx_store_log_change (fx->store, "zone", 1, "insert", "z", &error));
    g_assert_true (lx_store_log_change (fx->store, "zone", 1, "update", "z", &error));
    g_assert_cmpuint (zone_changes, ==, 0);   /* not before the commit */
    g_assert_true (lx_transaction_commit (tx, &error));
  }
  g_assert_cmpuint (zone_changes, ==, 1);
  g_assert_cmpuint (household_changes, ==, 0);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log", NULL), ==, 2);

  g_assert_false (lx_store_exec (fx->store, "UPDATE change_log SET summary = 'x'", &error));
  g_assert_error (error, LX_STORE_ERROR, LX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (lx_store_exec (fx->store, "DELETE FROM change_log", &error));
  g_assert_nonnull (error);
}

static void
test_statement_cache (LxFixture     *fx,
                      gconstpointer  data)
{
  sqlite3_stmt *a = lx_store_prepare (fx->store, "SELECT count(*) FROM zone", NULL);
  sqlite3_stmt *b = lx_store_prepare (fx->store, "SELECT count(*) FROM zone", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (a);
  g_assert_true (a == b);
  g_assert_null (lx_store_prepare (fx->store, "SELECT nothing FROM nowhere", &error));
  g_assert_error (error, LX_STORE_ERROR, LX_STORE_ERROR_FAILED);
}

static void
test_backup (LxFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (fx->dir, "backup.db", NULL);
  g_autoptr(LxStore) copy = NULL;
  struct stat st;

  g_assert_true (lx_store_exec (fx->store, "INSERT INTO zone (name) VALUES ('东区'), ('西区')", NULL));
  g_assert_true (lx_store_backup (fx->store, dest, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = lx_store_open (dest, LX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_query_int (copy, "SELECT count(*) FROM zone", NULL), ==, 2);
  g_assert_true (lx_store_check (copy, NULL, &error));
}

static void
test_backup_cancelled (LxFixture     *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dest = g_build_filename (fx->dir, "cancelled.db", NULL);
  g_autofree char *part = g_strconcat (dest, ".part", NULL);

  g_cancellable_cancel (cancellable);
  g_assert_false (lx_store_backup (fx->store, dest, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

static void
test_read_only_refuses_writes (LxFixture     *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) ro = NULL;

  g_clear_object (&fx->store);
  ro = lx_store_open (fx->path, LX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_null (lx_store_begin (ro, &error));
  g_assert_error (error, LX_STORE_ERROR, LX_STORE_ERROR_READ_ONLY);
}

static void
test_settings (LxFixture     *fx,
               gconstpointer  data)
{
  g_autofree char *value = NULL;

  g_assert_null (lx_store_get_setting (fx->store, "unit-name"));
  g_assert_true (lx_store_set_setting (fx->store, "unit-name", "某某局机关党委", NULL));
  value = lx_store_get_setting (fx->store, "unit-name");
  g_assert_cmpstr (value, ==, "某某局机关党委");
}

/* A database just created keeps its first pages in the WAL until a
 * checkpoint: a second connection (a worker thread's) must still see a
 * Lianxin database, not a foreign or an empty one. */
static void
test_second_connection_before_checkpoint (LxFixture     *fx,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) second = NULL;

  g_assert_true (lx_store_exec (fx->store, "INSERT INTO zone (name) VALUES ('一网格')", NULL));
  second = lx_store_open (fx->path, LX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_get_version (second), ==, lx_store_schema_version ());
  g_assert_cmpint (lx_store_query_int (second, "SELECT count(*) FROM zone", NULL), ==, 1);
}

/* An inspection and a backup beside an open store (as the app's daily
 * backup does), then another program writing, then the store writing again:
 * nothing is lost. (The app once lost commits in this situation while the
 * inspection read the file header with a descriptor of its own, whose
 * close drops the process's POSIX locks; this sequential test passes either
 * way, the appeals UI test covers the threaded case.) */
static void
test_inspect_keeps_locks (LxFixture     *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) again = NULL;
  g_autofree char *script = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", NULL, NULL };
  int version = -1, status = -1;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs /usr/bin/python3 as the other program");
      return;
    }

  g_assert_true (lx_store_exec (fx->store, "INSERT INTO zone (name) VALUES ('ours 1')", NULL));
  g_assert_true (lx_store_inspect (fx->path, &version, &error));
  g_assert_no_error (error);
  {
    /* What the app's daily backup does beside the open store. */
    g_autofree char *copy = g_build_filename (fx->dir, "copy.db", NULL);
    g_autoptr(LxStore) reader = lx_store_open (fx->path, LX_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_true (lx_store_backup (reader, copy, NULL, &error));
  }

  script = g_strdup_printf ("import sqlite3\n"
                            "c = sqlite3.connect('%s')\n"
                            "c.execute(\"INSERT INTO zone (name) VALUES ('theirs')\")\n"
                            "c.commit()\n"
                            "c.close()\n", fx->path);
  argv[2] = script;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (lx_store_exec (fx->store, "INSERT INTO zone (name) VALUES ('ours 2')", NULL));
  g_clear_object (&fx->store);

  again = lx_store_open (fx->path, LX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_query_int (again, "SELECT count(*) FROM zone", NULL), ==, 3);
  g_assert_true (lx_store_check (again, NULL, &error));
}

static void
test_resolve_path (void)
{
  g_autofree char *explicit = lx_store_resolve_path ("/tmp/a.db");
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;

  g_assert_cmpstr (explicit, ==, "/tmp/a.db");
  g_setenv ("LIANXIN_DATABASE", "/tmp/env.db", TRUE);
  from_env = lx_store_resolve_path (NULL);
  g_assert_cmpstr (from_env, ==, "/tmp/env.db");
  g_unsetenv ("LIANXIN_DATABASE");
  fallback = lx_store_resolve_path (NULL);
  g_assert_true (g_str_has_suffix (fallback, "lianxin/lianxin.db"));
}

#define ADD(name, fn) \
  g_test_add (name, LxFixture, NULL, lx_fixture_setup, fn, lx_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/create-sets-pragmas", test_create_sets_pragmas);
  ADD ("/store/defaults-seeded", test_defaults_seeded);
  ADD ("/store/reopen", test_reopen);
  g_test_add_func ("/store/missing-without-create", test_missing_without_create);
  ADD ("/store/refuses-newer-version", test_refuses_newer_version);
  ADD ("/store/refuses-text-file", test_refuses_text_file);
  ADD ("/store/refuses-foreign-sqlite", test_refuses_foreign_sqlite);
  ADD ("/store/refuses-damaged", test_refuses_damaged);
  ADD ("/store/transaction-rollback", test_transaction_rollback);
  ADD ("/store/change-log-and-signal", test_change_log_and_signal);
  ADD ("/store/statement-cache", test_statement_cache);
  ADD ("/store/backup", test_backup);
  ADD ("/store/backup-cancelled", test_backup_cancelled);
  ADD ("/store/read-only-refuses-writes", test_read_only_refuses_writes);
  ADD ("/store/settings", test_settings);
  ADD ("/store/second-connection-before-checkpoint", test_second_connection_before_checkpoint);
  ADD ("/store/inspect-keeps-locks", test_inspect_keeps_locks);
  g_test_add_func ("/store/resolve-path", test_resolve_path);

  return g_test_run ();
}
