/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sys/stat.h>

#include "lx-backup.h"
#include "lx-test-util.h"

static void
add_zone (LxStore    *store,
          const char *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO zone (name) VALUES ('%s')", name);

  g_assert_true (lx_store_exec (store, sql, NULL));
}

static gint64
count_zone (const char *path,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) store = lx_store_open (path, LX_STORE_OPEN_READ_ONLY, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM zone WHERE name = '%s'", name);

  g_assert_no_error (error);
  return lx_store_query_int (store, sql, NULL);
}

static char *
make_backup_on (LxFixture  *fx,
                const char *day,
                gboolean   *out_created)
{
  g_autoptr(GError) error = NULL;
  char *path;

  g_setenv ("LIANXIN_TODAY", day, TRUE);
  path = lx_backup_make_daily (fx->store, FALSE, out_created, NULL, &error);
  g_setenv ("LIANXIN_TODAY", "2026-11-26", TRUE);
  g_assert_no_error (error);
  return path;
}

static void
test_daily_mode_and_once (LxFixture     *fx,
                          gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *dir = lx_backup_dir_for (fx->path);
  g_autofree char *expected = g_build_filename (dir, "lianxin-2026-11-20.db", NULL);
  gboolean created = FALSE;
  struct stat st;

  add_zone (fx->store, "一网格");
  first = make_backup_on (fx, "2026-11-20", &created);
  g_assert_true (created);
  g_assert_cmpstr (first, ==, expected);
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (count_zone (first, "一网格"), ==, 1);

  /* The same day again: the morning's backup stays as it was. */
  add_zone (fx->store, "二网格");
  again = make_backup_on (fx, "2026-11-20", &created);
  g_assert_false (created);
  g_assert_cmpint (count_zone (again, "二网格"), ==, 0);
}

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

/* Fake dates: a backup for every day from 2025-08-01 to 2026-11-26, then
 * rotation keeps the 14 newest days and the newest of each of 12 months. */
static void
test_rotation (LxFixture     *fx,
               gconstpointer  data)
{
  g_autofree char *dir = lx_backup_dir_for (fx->path);
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_AUGUST, 2025);
  g_autoptr(GDate) last = g_date_new_dmy (26, G_DATE_NOVEMBER, 2026);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autofree char *made = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (; g_date_compare (day, last) < 0; g_date_add_days (day, 1))
    {
      char name[40];
      g_snprintf (name, sizeof name, "lianxin-%04d-%02d-%02d.db", g_date_get_year (day),
                  g_date_get_month (day), g_date_get_day (day));
      touch (dir, name);
    }
  touch (dir, "lianxin-before-restore-2025-01-02T030405.db");
  touch (dir, "notes.txt");

  /* Today's is a real backup, made through the API, which rotates. */
  made = make_backup_on (fx, "2026-11-26", NULL);

  list = lx_backup_list (fx->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      LxBackupInfo *info = g_ptr_array_index (list, i);
      g_string_append_printf (kept, "%s%s", info->before_restore ? "R" : "", info->date);
      g_string_append_c (kept, ' ');
    }
  g_assert_cmpstr (kept->str, ==,
                   "2026-11-26 2026-11-25 2026-11-24 2026-11-23 2026-11-22 2026-11-21 "
                   "2026-11-20 2026-11-19 2026-11-18 2026-11-17 2026-11-16 2026-11-15 "
                   "2026-11-14 2026-11-13 2026-10-31 2026-09-30 2026-08-31 2026-07-31 "
                   "2026-06-30 2026-05-31 2026-04-30 2026-03-31 2026-02-28 2026-01-31 "
                   "2025-12-31 R2025-01-02 ");
  /* Sizes are read from the files. */
  g_assert_cmpint (((LxBackupInfo *)g_ptr_array_index (list, 1))->size, ==, 1);
  g_assert_cmpint (((LxBackupInfo *)g_ptr_array_index (list, 0))->size, >, 4096);
  g_assert_true (g_file_test (made, G_FILE_TEST_EXISTS));
}

static void
test_restore_keeps_current (LxFixture     *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *saved = NULL;
  struct stat st;

  add_zone (fx->store, "旧网格");
  backup = make_backup_on (fx, "2026-11-25", NULL);
  add_zone (fx->store, "新网格");
  g_clear_object (&fx->store);

  g_assert_true (lx_backup_restore (fx->path, backup, &saved, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (saved);

  g_assert_cmpint (count_zone (fx->path, "旧网格"), ==, 1);
  g_assert_cmpint (count_zone (fx->path, "新网格"), ==, 0);
  /* What the restore replaced is a backup of its own, with the newer zone. */
  g_assert_cmpint (count_zone (saved, "新网格"), ==, 1);
  g_assert_cmpint (g_stat (saved, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (fx->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  list = lx_backup_list (fx->path, NULL);
  g_assert_cmpint (list->len, ==, 2);

  /* The restored file opens for writing as a normal database. */
  fx->store = lx_store_open (fx->path, LX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  add_zone (fx->store, "再网格");
}

static void
test_damaged_backup_refused (LxFixture     *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dir = lx_backup_dir_for (fx->path);
  g_autofree char *contents = NULL;
  gsize len = 0;
  char *saved = NULL;

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("网格%d", i);
      add_zone (fx->store, name);
    }
  backup = make_backup_on (fx, "2026-11-25", NULL);
  g_clear_object (&fx->store);

  /* Damage the backup: overwrite its second page. */
  g_assert_true (g_file_get_contents (backup, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  memset (contents + 4096, 0xa5, 4096);
  g_assert_true (g_file_set_contents (backup, contents, len, NULL));

  before = lx_test_checksum_file (fx->path);
  g_assert_false (lx_backup_restore (fx->path, backup, &saved, NULL, &error));
  g_assert_error (error, LX_STORE_ERROR, LX_STORE_ERROR_DAMAGED);
  g_assert_null (saved);
  after = lx_test_checksum_file (fx->path);
  g_assert_cmpstr (before, ==, after);

  /* Nothing was kept or left behind: only the damaged daily backup is there. */
  {
    g_autoptr(GPtrArray) list = lx_backup_list (fx->path, NULL);
    g_autofree char *part = g_strdup_printf ("%s.restore-part", fx->path);
    g_assert_cmpint (list->len, ==, 1);
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
}

static void
test_not_a_backup_refused (LxFixture     *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (fx->dir, "roster.csv", NULL);
  g_autofree char *empty = g_build_filename (fx->dir, "empty.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_object (&fx->store);
  before = lx_test_checksum_file (fx->path);
  g_assert_true (g_file_set_contents (other, "户主,电话\n张三,13800000000\n", -1, NULL));
  g_assert_false (lx_backup_restore (fx->path, other, NULL, NULL, &error));
  g_assert_error (error, LX_STORE_ERROR, LX_STORE_ERROR_NOT_LIANXIN);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_false (lx_backup_restore (fx->path, empty, NULL, NULL, &error));
  g_assert_error (error, LX_STORE_ERROR, LX_STORE_ERROR_NOT_LIANXIN);

  after = lx_test_checksum_file (fx->path);
  g_assert_cmpstr (before, ==, after);
}

#define add(name, fn) \
  g_test_add (name, LxFixture, NULL, lx_fixture_setup, fn, lx_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LIANXIN_TODAY", "2026-11-26", TRUE);

  add ("/backup/daily-mode-and-once", test_daily_mode_and_once);
  add ("/backup/rotation", test_rotation);
  add ("/backup/restore-keeps-current", test_restore_keeps_current);
  add ("/backup/damaged-backup-refused", test_damaged_backup_refused);
  add ("/backup/not-a-backup-refused", test_not_a_backup_refused);
  return g_test_run ();
}
