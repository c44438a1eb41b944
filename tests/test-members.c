/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lx-member-repo.h"
#include "lx-repo.h"
#include "lx-test-util.h"

/* A branch of four members: 张三 (secretary), 李四, 王芳 and, in a second
 * branch, 张伟. */
static gint64
add_member (LxStore    *store,
            gint64      org_id,
            const char *name,
            const char *role,
            const char *phone)
{
  g_autoptr(LxMember) m = g_object_new (LX_TYPE_MEMBER, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  m->org_id = org_id;
  m->name = g_strdup (name);
  m->role = g_strdup (role);
  m->phone = g_strdup (phone);
  id = lx_repo_save_member (store, m, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
names (GPtrArray *members)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < members->len; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", LX_MEMBER (members->pdata[i])->name);
  return g_string_free (s, FALSE);
}

static char *
search (LxStore    *store,
        gint64      org_id,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = lx_repo_search_members (store, org_id, text, &error);

  g_assert_no_error (error);
  return names (found);
}

static void
setup_branches (LxStore *store,
                gint64  *branch_a,
                gint64  *branch_b)
{
  gint64 root = lx_repo_add_organization (store, 0, "机关党委", "committee", NULL);

  *branch_a = lx_repo_add_organization (store, root, "第一党支部", "branch", NULL);
  *branch_b = lx_repo_add_organization (store, root, "第二党支部", "branch", NULL);
  add_member (store, *branch_a, "李四", "member", NULL);
  add_member (store, *branch_a, "张三", "secretary", "138 1234 5678");
  add_member (store, *branch_a, "王芳", "member", NULL);
  add_member (store, *branch_b, "张伟", "deputy", NULL);
}

static void
assert_search (LxStore    *store,
               gint64      org_id,
               const char *text,
               const char *expected)
{
  g_autofree char *found = search (store, org_id, text);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_search (LxFixture     *fx,
             gconstpointer  data)
{
  gint64 a, b;

  setup_branches (fx->store, &a, &b);
  /* Roster order: leaders first, then by pinyin. */
  assert_search (fx->store, a, NULL, "张三,李四,王芳");
  assert_search (fx->store, 0, "", "张三,张伟,李四,王芳");
  assert_search (fx->store, a, "zs", "张三");
  assert_search (fx->store, a, "ZhangSan", "张三");
  assert_search (fx->store, 0, "zhang", "张三,张伟");
  assert_search (fx->store, b, "zhang", "张伟");
  assert_search (fx->store, a, "王", "王芳");
  assert_search (fx->store, a, "1381234", "张三");
  assert_search (fx->store, a, "nobody", "");
}

static void
test_validation_names_field (LxFixture     *fx,
                             gconstpointer  data)
{
  g_autoptr(LxMember) m = g_object_new (LX_TYPE_MEMBER, NULL);
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gint64 a, b;

  setup_branches (fx->store, &a, &b);
  m->org_id = a;
  m->name = g_strdup ("赵六");
  m->phone = g_strdup ("12345");
  g_assert_cmpint (lx_repo_save_member (fx->store, m, &field, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "phone");
  g_clear_error (&error);

  g_free (m->phone);
  m->phone = g_strdup ("１３８００１３８０００");   /* full-width digits are normalised */
  m->id_number = g_strdup ("110105194912310020");  /* wrong check digit */
  g_assert_cmpint (lx_repo_save_member (fx->store, m, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, "id_number");
  g_clear_error (&error);

  g_free (m->name);
  m->name = g_strdup ("  ");
  g_assert_cmpint (lx_repo_save_member (fx->store, m, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, "name");
  g_clear_error (&error);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM member", NULL), ==, 4);
}

static void
test_edit_and_delete (LxFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxMember) m = NULL;
  gint64 a, b, id;

  setup_branches (fx->store, &a, &b);
  id = lx_store_query_int (fx->store, "SELECT id FROM member WHERE name = '王芳'", NULL);
  m = lx_repo_get_member (fx->store, id, &error);
  g_assert_no_error (error);

  /* Renamed and moved to the second branch: the pinyin keys follow. */
  g_free (m->name);
  m->name = g_strdup ("曾芳");
  m->org_id = b;
  m->npc_deputy = TRUE;
  g_assert_cmpint (lx_repo_save_member (fx->store, m, NULL, &error), ==, id);
  g_assert_no_error (error);
  assert_search (fx->store, b, "zf", "曾芳");
  assert_search (fx->store, b, "zengfang", "曾芳");
  assert_search (fx->store, a, "fang", "");

  g_assert_true (lx_repo_delete_member (fx->store, id, &error));
  g_assert_no_error (error);
  assert_search (fx->store, b, NULL, "张伟");
  g_assert_false (lx_repo_delete_member (fx->store, id, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (lx_repo_restore_member (fx->store, id, &error));
  g_assert_no_error (error);
  assert_search (fx->store, b, NULL, "张伟,曾芳");
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log WHERE "
                                       "table_name = 'member' AND action IN "
                                       "('update', 'delete', 'restore')", NULL), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/members/search", LxFixture, NULL, lx_fixture_setup, test_search, lx_fixture_teardown);
  g_test_add ("/members/validation", LxFixture, NULL, lx_fixture_setup,
              test_validation_names_field, lx_fixture_teardown);
  g_test_add ("/members/edit-delete", LxFixture, NULL, lx_fixture_setup,
              test_edit_and_delete, lx_fixture_teardown);
  return g_test_run ();
}
