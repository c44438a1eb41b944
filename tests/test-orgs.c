/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lx-member-list.h"
#include "lx-member-repo.h"
#include "lx-org-repo.h"
#include "lx-repo.h"
#include "lx-test-util.h"

/* The tree of the tests:
 *   机关党委 (committee)
 *     第一党总支 (general_branch)
 *       第一党支部 (branch): 张三 secretary, 李四 (cadre), 王芳
 *         第一党小组 (group): 欧阳明 (NPC deputy)
 *     第二党支部 (branch): 张伟 deputy
 */
typedef struct
{
  gint64 root, general, branch1, group1, branch2;
  gint64 zhangsan, lisi, wangfang, ouyang, zhangwei;
} Tree;

static gint64
add_org (LxStore    *store,
         gint64      parent,
         const char *name,
         const char *kind)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lx_org_repo_add (store, parent, name, kind, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_member (LxStore    *store,
            gint64      org_id,
            const char *name,
            const char *role)
{
  g_autoptr(LxMember) m = g_object_new (LX_TYPE_MEMBER, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  m->org_id = org_id;
  m->name = g_strdup (name);
  m->role = g_strdup (role);
  m->leading_cadre = g_str_equal (name, "李四");
  m->npc_deputy = g_str_equal (name, "欧阳明");
  id = lx_member_repo_save (store, m, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
build_tree (LxStore *store,
            Tree    *t)
{
  t->root = add_org (store, 0, "机关党委", "committee");
  t->general = add_org (store, t->root, "第一党总支", "general_branch");
  t->branch1 = add_org (store, t->general, "第一党支部", "branch");
  t->group1 = add_org (store, t->branch1, "第一党小组", "group");
  t->branch2 = add_org (store, t->root, "第二党支部", "branch");
  t->zhangsan = add_member (store, t->branch1, "张三", "secretary");
  t->lisi = add_member (store, t->branch1, "李四", "member");
  t->wangfang = add_member (store, t->branch1, "王芳", "member");
  t->ouyang = add_member (store, t->group1, "欧阳明", "group_leader");
  t->zhangwei = add_member (store, t->branch2, "张伟", "deputy");
}

/* The names the ledger lists for @filter, comma-separated. */
static char *
ledger (LxStore        *store,
        LxMemberFilter *filter)
{
  g_autoptr(LxMemberList) list = lx_member_list_new (store);
  GString *s = g_string_new (NULL);

  lx_member_list_set_filter (list, filter);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(LxMemberRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_string_append_printf (s, "%s%s", i ? "," : "", row->member->name);
    }
  return g_string_free (s, FALSE);
}

#define assert_ledger(store, filter, expected) \
  G_STMT_START { \
    g_autofree char *got_ = ledger (store, filter); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_ledger_filters (LxFixture     *fx,
                     gconstpointer  data)
{
  LxMemberFilter f = { 0 };
  Tree t;

  build_tree (fx->store, &t);
  /* Tree order, then leaders first. */
  assert_ledger (fx->store, &f, "张三,李四,王芳,欧阳明,张伟");

  f.search = (char *)"oym";
  assert_ledger (fx->store, &f, "欧阳明");
  f.search = (char *)"Zhang San";
  assert_ledger (fx->store, &f, "张三");
  f.search = (char *)"zhang";
  assert_ledger (fx->store, &f, "张三,张伟");
  f.search = NULL;

  f.org_id = t.general;            /* a subtree: the branch and its group */
  assert_ledger (fx->store, &f, "张三,李四,王芳,欧阳明");
  f.org_id = t.group1;
  assert_ledger (fx->store, &f, "欧阳明");
  f.org_id = t.branch2;
  assert_ledger (fx->store, &f, "张伟");
  f.org_id = 0;

  f.role = (char *)"secretary";
  assert_ledger (fx->store, &f, "张三");
  f.role = NULL;
  f.leading_cadres = TRUE;
  assert_ledger (fx->store, &f, "李四");
  f.leading_cadres = FALSE;
  f.representatives = TRUE;
  assert_ledger (fx->store, &f, "欧阳明");
}

static void
test_row_figures (LxFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxMemberRow) row = NULL;
  g_autoptr(LxMember) m = NULL;
  g_autoptr(GArray) cps = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *rep = NULL;
  gint64 cp;
  Tree t;

  build_tree (fx->store, &t);
  lx_store_exec (fx->store,
                 "INSERT INTO contact_point (name) VALUES ('城南小学'), ('幸福里社区');"
                 "INSERT INTO household (id, head_name, address) VALUES (1, '甲', 'a'), (2, '乙', 'b');", &error);
  g_assert_no_error (error);
  g_assert_true (lx_member_repo_list_contact_points (fx->store, &ids, &names, &error));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (names[0], ==, "城南小学");

  /* Contact points are saved with the member, in one go. */
  m = lx_repo_get_member (fx->store, t.zhangsan, &error);
  for (guint i = 0; i < 2; i++)
    g_array_append_val (cps, g_array_index (ids, gint64, i));
  g_assert_cmpint (lx_member_repo_save (fx->store, m, cps, NULL, &error), ==, t.zhangsan);
  g_assert_no_error (error);
  cp = lx_store_query_int (fx->store, "SELECT count(*) FROM member_contact_point", NULL);
  g_assert_cmpint (cp, ==, 2);

  lx_store_exec (fx->store, "INSERT INTO pairing (member_id, household_id, start_on) VALUES "
                            "(1, 1, '2026-01-01'), (1, 2, '2026-01-01')", &error);
  g_assert_no_error (error);
  row = lx_member_row_load (fx->store, t.zhangsan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row->org_name, ==, "第一党支部");
  g_assert_cmpstr (row->contact_points, ==, "城南小学、幸福里社区");
  g_assert_cmpint (row->quota, ==, 5);   /* a secretary's default quota */
  g_assert_cmpint (row->paired, ==, 2);
  g_clear_object (&row);

  row = lx_member_row_load (fx->store, t.ouyang, &error);
  rep = lx_member_row_dup_representative (row);
  g_assert_cmpstr (rep, ==, "NPC");
  g_assert_null (row->contact_points);
}

static void
test_validation (LxFixture     *fx,
                 gconstpointer  data)
{
  g_autoptr(LxMember) m = g_object_new (LX_TYPE_MEMBER, NULL);
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  Tree t;

  build_tree (fx->store, &t);
  m->org_id = t.branch1;
  m->name = g_strdup ("赵六");
  m->birth_date = g_strdup ("1990年3月5日");
  m->join_date = g_strdup ("2005/7/1");     /* fifteen years old */
  g_assert_cmpint (lx_member_repo_save (fx->store, m, NULL, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, "join_date");
  g_clear_error (&error);

  g_free (m->join_date);
  m->join_date = g_strdup ("2030-07-01");   /* after today */
  g_assert_cmpint (lx_member_repo_save (fx->store, m, NULL, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, "join_date");
  g_clear_error (&error);

  g_free (m->join_date);
  m->join_date = g_strdup ("2012.7.1");
  m->id_number = g_strdup ("11010519491231002X");   /* born 1949-12-31 */
  g_assert_cmpint (lx_member_repo_save (fx->store, m, NULL, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, "birth_date");
  g_clear_error (&error);

  g_clear_pointer (&m->id_number, g_free);
  g_assert_cmpint (lx_member_repo_save (fx->store, m, NULL, &field, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (m->birth_date, ==, "1990-03-05");
  g_assert_cmpstr (m->join_date, ==, "2012-07-01");
}

static void
test_tree_edits (LxFixture     *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxOrganization) org = NULL;
  gint64 empty;
  int position = -1;
  Tree t;

  build_tree (fx->store, &t);

  /* A branch under a party group is refused, and so is an empty name. */
  g_assert_cmpint (lx_org_repo_add (fx->store, t.group1, "x", "branch", &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (lx_org_repo_add (fx->store, t.root, "  ", "branch", &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);

  /* Cycles: the general branch cannot go under its own branch or itself. */
  g_assert_false (lx_org_repo_move (fx->store, t.general, t.branch1, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "itself"));
  g_clear_error (&error);
  g_assert_false (lx_org_repo_move (fx->store, t.general, t.general, &error));
  g_clear_error (&error);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT parent_id FROM organization WHERE name = '第一党总支'", NULL), ==, t.root);

  /* A legal move: the second branch joins the general branch. */
  g_assert_true (lx_org_repo_move (fx->store, t.branch2, t.general, &error));
  g_assert_no_error (error);
  {
    LxMemberFilter f = { .org_id = t.general };
    assert_ledger (fx->store, &f, "张三,李四,王芳,欧阳明,张伟");
  }

  g_assert_true (lx_org_repo_rename (fx->store, t.branch2, " 机关第二党支部 ", &error));
  org = lx_org_repo_get (fx->store, t.branch2, &error);
  g_assert_cmpstr (org->name, ==, "机关第二党支部");

  /* Deleting a branch with members is refused; an empty one goes, and
   * comes back with its id on undo. */
  g_assert_false (lx_org_repo_delete (fx->store, t.branch2, NULL, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (lx_org_repo_delete (fx->store, t.general, NULL, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_IN_USE);
  g_clear_error (&error);

  empty = add_org (fx->store, t.branch1, "第二党小组", "group");
  g_clear_object (&org);
  org = lx_org_repo_get (fx->store, empty, &error);
  g_assert_true (lx_org_repo_delete (fx->store, empty, &position, &error));
  g_assert_no_error (error);
  g_assert_cmpint (position, ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM organization", NULL), ==, 5);
  g_assert_true (lx_org_repo_restore (fx->store, org, position, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM organization WHERE id = 6", NULL), ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log WHERE "
                                       "table_name = 'organization' AND action IN "
                                       "('update', 'delete', 'restore')", NULL), ==, 4);
}

static void
test_move_member (LxFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LxMemberFilter f = { 0 };
  gint64 old = 0;
  Tree t;

  build_tree (fx->store, &t);
  g_assert_true (lx_member_repo_move (fx->store, t.wangfang, t.branch2, &old, &error));
  g_assert_no_error (error);
  g_assert_cmpint (old, ==, t.branch1);
  f.org_id = t.branch2;
  assert_ledger (fx->store, &f, "张伟,王芳");
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log WHERE "
                                       "table_name = 'member' AND action = 'move'", NULL), ==, 1);

  /* Undo is a move back. */
  g_assert_true (lx_member_repo_move (fx->store, t.wangfang, old, NULL, &error));
  assert_ledger (fx->store, &f, "张伟");

  g_assert_false (lx_member_repo_move (fx->store, t.wangfang, 999, NULL, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
}

static void
test_transfer_out (LxFixture     *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxMemberTransfer) transfer = NULL;
  LxMemberFilter f = { 0 };
  const char *field = NULL;
  Tree t;

  build_tree (fx->store, &t);
  lx_store_exec (fx->store,
                 "INSERT INTO household (id, head_name, address) VALUES (1, '甲', 'a'), (2, '乙', 'b');"
                 "INSERT INTO pairing (member_id, household_id, start_on, end_on, end_reason) VALUES "
                 "(2, 1, '2025-01-01', NULL, NULL), (2, 2, '2024-01-01', '2024-06-01', '工作调整');",
                 &error);
  g_assert_no_error (error);

  /* Bad dates are refused, naming the field, and change nothing. */
  g_assert_null (lx_member_repo_transfer_out (fx->store, t.lisi, "2027-01-01", NULL, &field, &error));
  g_assert_cmpstr (field, ==, "date");
  g_clear_error (&error);
  g_assert_null (lx_member_repo_transfer_out (fx->store, t.lisi, "", NULL, &field, &error));
  g_assert_cmpstr (field, ==, "date");
  g_clear_error (&error);

  transfer = lx_member_repo_transfer_out (fx->store, t.lisi, "2026/11/20", " 市财政局机关党委 ",
                                          &field, &error);
  g_assert_no_error (error);
  g_assert_nonnull (transfer);
  g_assert_cmpuint (transfer->ended_pairings->len, ==, 1);

  /* Gone from the default ledger, there when former members are asked for. */
  assert_ledger (fx->store, &f, "张三,王芳,欧阳明,张伟");
  f.include_transferred = TRUE;
  assert_ledger (fx->store, &f, "张三,李四,王芳,欧阳明,张伟");
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM member WHERE id = 2 AND "
                                       "status = 'transferred_out' AND transferred_on = '2026-11-20' "
                                       "AND transferred_to = '市财政局机关党委'", NULL), ==, 1);

  /* The active pairing ended with the reason, in the same transaction; the
   * old one kept its own. */
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM pairing WHERE household_id = 1 "
                                       "AND end_on = '2026-11-20' AND end_reason = 'transferred_out'",
                                       NULL), ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM pairing WHERE household_id = 2 "
                                       "AND end_reason = '工作调整'", NULL), ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log WHERE "
                                       "(table_name = 'pairing' AND action = 'end') OR "
                                       "(table_name = 'member' AND action = 'transfer_out')", NULL), ==, 2);

  /* Twice is refused. */
  g_assert_null (lx_member_repo_transfer_out (fx->store, t.lisi, "2026-11-21", NULL, NULL, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);

  /* Undo brings the member and the pairing back. */
  g_assert_true (lx_member_repo_undo_transfer (fx->store, transfer, &error));
  g_assert_no_error (error);
  f.include_transferred = FALSE;
  assert_ledger (fx->store, &f, "张三,李四,王芳,欧阳明,张伟");
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM pairing WHERE household_id = 1 "
                                       "AND end_on IS NULL", NULL), ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM member WHERE id = 2 AND "
                                       "status = 'full' AND transferred_on IS NULL", NULL), ==, 1);
}

static void
test_undo_transfer_refused (LxFixture     *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxMemberTransfer) transfer = NULL;
  Tree t;

  build_tree (fx->store, &t);
  lx_store_exec (fx->store,
                 "INSERT INTO household (id, head_name, address) VALUES (1, '甲', 'a');"
                 "INSERT INTO pairing (member_id, household_id, start_on) VALUES (2, 1, '2025-01-01');",
                 &error);
  transfer = lx_member_repo_transfer_out (fx->store, t.lisi, "2026-11-20", NULL, NULL, &error);
  g_assert_no_error (error);

  /* Someone else took the household meanwhile: the undo is refused whole. */
  lx_store_exec (fx->store, "INSERT INTO pairing (member_id, household_id, start_on) "
                            "VALUES (3, 1, '2026-11-21')", &error);
  g_assert_no_error (error);
  g_assert_false (lx_member_repo_undo_transfer (fx->store, transfer, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM member WHERE id = 2 AND "
                                       "status = 'transferred_out'", NULL), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, LxFixture, NULL, lx_fixture_setup, fn, lx_fixture_teardown)
  ADD ("/orgs/ledger-filters", test_ledger_filters);
  ADD ("/orgs/row-figures", test_row_figures);
  ADD ("/orgs/member-validation", test_validation);
  ADD ("/orgs/tree-edits", test_tree_edits);
  ADD ("/orgs/move-member", test_move_member);
  ADD ("/orgs/transfer-out", test_transfer_out);
  ADD ("/orgs/undo-transfer-refused", test_undo_transfer_refused);
#undef ADD
  return g_test_run ();
}
