/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lx-pairing.h"
#include "lx-repo.h"
#include "lx-test-util.h"

/* 结对 (issue 7): pairing, moving, unpairing, refusals, undo, quotas and
 * the year's figures, with known answers. LIANXIN_TODAY is 2026-11-26. */

#define TODAY "2026-11-26"

static void
exec (LxStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  lx_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* Members: 1 secretary (quota 5), 2 committee (3), 3 member (1),
 * 4 transferred out, 5 group leader (2) in the second branch.
 * Households 1–4 needy, 5–6 not, 7 needy but deleted. */
static void
populate (LxFixture     *fx,
          gconstpointer  data)
{
  lx_fixture_setup (fx, data);
  exec (fx->store,
        "INSERT INTO organization (id, parent_id, name, kind, position) VALUES "
        "  (1, NULL, '机关党委', 'committee', 0), (2, 1, '第一支部', 'branch', 1),"
        "  (3, 1, '第二支部', 'branch', 2);"
        "INSERT INTO member (id, org_id, name, pinyin, role, status) VALUES "
        "  (1, 2, '王书记', 'wangshuji', 'secretary', 'full'),"
        "  (2, 2, '李委员', 'liweiyuan', 'committee', 'full'),"
        "  (3, 2, '张党员', 'zhangdangyuan', 'member', 'full'),"
        "  (4, 2, '赵转出', 'zhaozhuanchu', 'member', 'transferred_out'),"
        "  (5, 3, '钱组长', 'qianzuzhang', 'group_leader', 'probationary');"
        "INSERT INTO household (id, head_name, pinyin, initials, address, search_text) VALUES "
        "  (1, '陈一', 'chenyi', 'cy', '和平路1号', '陈一 chenyi cy 和平路1号'),"
        "  (2, '林二', 'liner', 'le', '和平路2号', '林二 liner le 和平路2号'),"
        "  (3, '黄三', 'huangsan', 'hs', '建设路3号', '黄三 huangsan hs 建设路3号'),"
        "  (4, '周四', 'zhousi', 'zs', '建设路4号', '周四 zhousi zs 建设路4号'),"
        "  (5, '吴五', 'wuwu', 'ww', '和平路5号', '吴五 wuwu ww 和平路5号'),"
        "  (6, '郑六', 'zhengliu', 'zl', '和平路6号', '郑六 zhengliu zl 和平路6号'),"
        "  (7, '孙七', 'sunqi', 'sq', '和平路7号', '孙七 sunqi sq 和平路7号');"
        "INSERT INTO household_need (household_id, tag) VALUES "
        "  (1, 'dibao'), (2, 'disabled'), (2, 'dibao'), (3, 'elderly_alone'), (4, 'tekun'),"
        "  (7, 'dibao');"
        "UPDATE household SET deleted_at = '2026-10-01T09:00:00' WHERE id = 7;");
}

static char *
snapshot (LxStore *store)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "SELECT coalesce(group_concat(id || ':' || member_id || ':' || household_id || ':' || start_on "
    "  || ':' || coalesce(end_on, '-') || ':' || coalesce(end_reason, '-'), ';'), '') || '|' || "
    "  (SELECT count(*) FROM change_log) FROM (SELECT * FROM pairing ORDER BY id)", NULL);
  char *text;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static LxPairingQuota *
quota_of (GPtrArray *quotas,
          gint64     member_id)
{
  for (guint i = 0; i < quotas->len; i++)
    {
      LxPairingQuota *q = g_ptr_array_index (quotas, i);
      if (q->member_id == member_id)
        return q;
    }
  return NULL;
}

static gint64
pair (LxStore    *store,
      gint64      household,
      gint64      member,
      const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lx_pairing_pair (store, household, member, date, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_quota_edge (LxFixture     *fx,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = lx_pairing_list_quotas (fx->store, 0, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) branch = NULL;
  gint64 log_before = lx_store_query_int (fx->store, "SELECT count(*) FROM change_log", NULL);

  /* The transferred-out member has nothing paired: not listed. Ordered by
   * organization, then role. */
  g_assert_cmpuint (before->len, ==, 4);
  g_assert_cmpint (((LxPairingQuota *)before->pdata[0])->member_id, ==, 1);
  g_assert_cmpint (((LxPairingQuota *)before->pdata[1])->member_id, ==, 2);
  g_assert_cmpint (((LxPairingQuota *)before->pdata[3])->member_id, ==, 5);
  g_assert_cmpint (quota_of (before, 3)->quota, ==, 1);
  g_assert_cmpint (quota_of (before, 3)->paired, ==, 0);
  g_assert_false (quota_of (before, 3)->met);

  pair (fx->store, 1, 3, "2026-03-01");
  pair (fx->store, 2, 2, "2026-03-01");
  pair (fx->store, 3, 2, "2026-03-01");
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log", NULL), ==,
                   log_before + 3);

  after = lx_pairing_list_quotas (fx->store, 0, NULL);
  /* Exactly at the quota: met. One short: not. */
  g_assert_cmpint (quota_of (after, 3)->paired, ==, 1);
  g_assert_true (quota_of (after, 3)->met);
  g_assert_cmpint (quota_of (after, 2)->paired, ==, 2);
  g_assert_cmpint (quota_of (after, 2)->quota, ==, 3);
  g_assert_false (quota_of (after, 2)->met);
  pair (fx->store, 5, 2, "2026-03-01");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = lx_pairing_list_quotas (fx->store, 0, NULL);
  g_assert_true (quota_of (after, 2)->met);

  /* A deleted household does not count towards the quota. */
  exec (fx->store, "UPDATE household SET deleted_at = '2026-11-01' WHERE id = 5");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = lx_pairing_list_quotas (fx->store, 0, NULL);
  g_assert_false (quota_of (after, 2)->met);

  /* The committee's filter takes its branches in; a branch only itself. */
  branch = lx_pairing_list_quotas (fx->store, 3, NULL);
  g_assert_cmpuint (branch->len, ==, 1);
  g_assert_cmpstr (((LxPairingQuota *)branch->pdata[0])->org_name, ==, "第二支部");
  g_clear_pointer (&branch, g_ptr_array_unref);
  branch = lx_pairing_list_quotas (fx->store, 1, NULL);
  g_assert_cmpuint (branch->len, ==, 4);
}

static GString *
card_ids (GPtrArray *cards)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (s, "%s%d", i ? "," : "",
                            (int)((LxPairingCard *)cards->pdata[i])->household_id);
  return s;
}

static void
test_unpaired_needy (LxFixture     *fx,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = lx_pairing_list_unpaired_needy (fx->store, 2026, TODAY, NULL, NULL);
  g_autoptr(GString) ids = card_ids (cards);
  g_autoptr(GString) searched = NULL;
  g_autoptr(GPtrArray) paired = NULL;
  LxPairingCard *c;

  /* Not the deleted one (7), not the households without needs (5, 6). */
  g_assert_cmpstr (ids->str, ==, "1,2,3,4");
  c = cards->pdata[1];
  {
    const char * const codes[] = { "dibao", "disabled", NULL };
    g_autofree char *labels = lx_need_tags_join_labels (codes);
    g_assert_cmpstr (c->need_labels, ==, labels);
  }
  g_assert_cmpint (c->days_since_visit, ==, -1);
  g_assert_cmpint (c->member_id, ==, 0);

  pair (fx->store, 2, 1, "2026-01-10");
  exec (fx->store,
        "INSERT INTO visit (id, kind, happened_at) VALUES (1, 'home', '2026-11-16T10:00'),"
        "  (2, 'home', '2025-12-30'), (3, 'phone', '2026-05-01'), (4, 'home', '2026-06-01');"
        "INSERT INTO visit_household VALUES (1, 2), (2, 2), (3, 2), (4, 3);");
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = lx_pairing_list_unpaired_needy (fx->store, 2026, TODAY, NULL, NULL);
  g_string_free (ids, TRUE);
  ids = card_ids (cards);
  /* Never visited first, then the longest ago. */
  g_assert_cmpstr (ids->str, ==, "1,4,3");

  /* The search runs in SQL over name, pinyin, initials and address. */
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = lx_pairing_list_unpaired_needy (fx->store, 2026, TODAY, "建设路", NULL);
  searched = card_ids (cards);
  g_assert_cmpstr (searched->str, ==, "4,3");
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = lx_pairing_list_unpaired_needy (fx->store, 2026, TODAY, "ＣＹ", NULL);
  g_assert_cmpuint (cards->len, ==, 1);

  /* The paired card: one home visit this year (the phone call and last
   * year's visit do not count), ten days ago, against the rule of 2. */
  paired = lx_pairing_list_paired (fx->store, 2026, TODAY, NULL, NULL);
  g_assert_cmpuint (paired->len, ==, 1);
  c = paired->pdata[0];
  g_assert_cmpint (c->household_id, ==, 2);
  g_assert_cmpint (c->member_id, ==, 1);
  g_assert_cmpint (c->visits_year, ==, 1);
  g_assert_cmpint (c->visits_rule, ==, 2);
  g_assert_cmpint (c->days_since_visit, ==, 10);
  g_assert_cmpstr (c->address, ==, "和平路2号");
}

static void
test_move (LxFixture     *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  LxPairingChange change = { 0 };
  gint64 first = pair (fx->store, 1, 3, "2026-02-01");
  LxPairingRecord *r;

  g_assert_true (lx_pairing_move (fx->store, 1, 2, "2026-11-20", &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change.ended_id, ==, first);
  g_assert_cmpint (change.started_id, >, first);
  g_assert_cmpint (lx_store_query_int (fx->store,
                   "SELECT count(*) FROM pairing WHERE household_id = 1 AND end_on IS NULL", NULL), ==, 1);
  g_assert_cmpint (lx_pairing_member_of (fx->store, 1, NULL), ==, 2);

  history = lx_pairing_history (fx->store, 1, NULL);
  g_assert_cmpuint (history->len, ==, 2);
  r = history->pdata[0];
  g_assert_cmpstr (r->member_name, ==, "李委员");
  g_assert_cmpstr (r->start_on, ==, "2026-11-20");
  g_assert_null (r->end_on);
  r = history->pdata[1];
  g_assert_cmpstr (r->member_name, ==, "张党员");
  g_assert_cmpstr (r->end_on, ==, "2026-11-20");
  g_assert_cmpstr (r->end_reason, ==, "moved");
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT rule_days FROM household WHERE id = 1", NULL),
                   ==, 90);
  {
    g_autofree char *described = lx_pairing_describe (fx->store, 1);
    g_autofree char *unpaired = lx_pairing_describe (fx->store, 2);
    g_assert_cmpstr (described, ==, "李委员, since 2026-11-20");
    g_assert_null (unpaired);
  }
}

static void
assert_refused (LxFixture  *fx,
                gboolean    ok,
                GError     *error,
                const char *before,
                const char *expected)
{
  g_autofree char *after = snapshot (fx->store);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (error->domain == LX_REPO_ERROR);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expected);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refusals (LxFixture     *fx,
               gconstpointer  data)
{
  g_autofree char *before = NULL;
  GError *error = NULL;
  gboolean ok;

  pair (fx->store, 1, 3, "2026-02-01");
  before = snapshot (fx->store);

#define REFUSE(call, expected) \
  G_STMT_START { ok = (call) != 0; assert_refused (fx, ok, error, before, expected); \
                 g_clear_error (&error); } G_STMT_END

  REFUSE (lx_pairing_pair (fx->store, 1, 2, "2026-11-01", NULL, &error), "already paired with 张党员");
  REFUSE (lx_pairing_pair (fx->store, 2, 4, "2026-11-01", NULL, &error), "transferred out");
  REFUSE (lx_pairing_pair (fx->store, 7, 2, "2026-11-01", NULL, &error), "deleted");
  REFUSE (lx_pairing_pair (fx->store, 2, 2, "2026-11-27", NULL, &error), "future");
  REFUSE (lx_pairing_pair (fx->store, 2, 2, "2026-02-30", NULL, &error), "not a date");
  REFUSE (lx_pairing_pair (fx->store, 99, 2, "2026-11-01", NULL, &error), "99");
  REFUSE (lx_pairing_move (fx->store, 2, 1, "2026-11-01", NULL, &error), "not paired");
  REFUSE (lx_pairing_move (fx->store, 1, 3, "2026-11-01", NULL, &error), "already paired");
  REFUSE (lx_pairing_move (fx->store, 1, 4, "2026-11-01", NULL, &error), "transferred out");
  REFUSE (lx_pairing_move (fx->store, 1, 2, "2026-01-01", NULL, &error), "started on 2026-02-01");
  REFUSE (lx_pairing_move (fx->store, 1, 2, "2027-01-01", NULL, &error), "future");
  REFUSE (lx_pairing_unpair (fx->store, 1, "2026-11-01", "", NULL, &error), "reason");
  REFUSE (lx_pairing_unpair (fx->store, 2, "2026-11-01", "搬迁", NULL, &error), "not paired");
#undef REFUSE

  /* Ended on 11-01: a new pairing cannot start before that. */
  g_assert_true (lx_pairing_unpair (fx->store, 1, "2026-11-01", "搬迁", NULL, NULL));
  g_clear_pointer (&before, g_free);
  before = snapshot (fx->store);
  ok = lx_pairing_pair (fx->store, 1, 2, "2026-10-01", NULL, &error) != 0;
  assert_refused (fx, ok, error, before, "paired until 2026-11-01");
  g_clear_error (&error);
}

static void
test_undo (LxFixture     *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *paired = NULL;
  LxPairingChange change = { 0 }, stale = { 0 };

  /* Undoing a pairing removes it. */
  g_assert_cmpint (lx_pairing_pair (fx->store, 1, 3, "2026-02-01", &change, &error), >, 0);
  g_assert_true (lx_pairing_undo (fx->store, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM pairing", NULL), ==, 0);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT rule_days FROM household WHERE id = 1", NULL),
                   ==, 90);

  /* Undoing a move brings the old pairing back, the same row, still active. */
  pair (fx->store, 1, 3, "2026-02-01");
  g_assert_true (lx_pairing_move (fx->store, 1, 2, TODAY, &change, &error));
  g_assert_true (lx_pairing_undo (fx->store, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM pairing", NULL), ==, 1);
  g_assert_cmpint (lx_pairing_member_of (fx->store, 1, NULL), ==, 3);
  g_assert_cmpint (lx_store_query_int (fx->store,
                   "SELECT count(*) FROM pairing WHERE end_reason IS NOT NULL", NULL), ==, 0);

  /* Undoing an unpairing reopens it. */
  g_assert_true (lx_pairing_unpair (fx->store, 1, TODAY, "unpaired", &change, &error));
  g_assert_cmpint (lx_pairing_member_of (fx->store, 1, NULL), ==, 0);
  g_assert_true (lx_pairing_undo (fx->store, &change, &error));
  g_assert_cmpint (lx_pairing_member_of (fx->store, 1, NULL), ==, 3);

  /* An undo that is out of date is refused and changes nothing. */
  g_assert_true (lx_pairing_move (fx->store, 1, 2, TODAY, &stale, &error));
  g_assert_true (lx_pairing_move (fx->store, 1, 1, TODAY, &change, &error));
  paired = snapshot (fx->store);
  g_assert_false (lx_pairing_undo (fx->store, &stale, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autofree char *after = snapshot (fx->store);
    g_assert_cmpstr (after, ==, paired);
  }
}

static void
test_stats (LxFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  LxPairingStats s;

  /* Needy: 1–4. Member 3 (quota 1) meets it; 2 (quota 3) does not. */
  pair (fx->store, 1, 3, "2026-02-01");
  pair (fx->store, 2, 2, "2026-02-01");
  pair (fx->store, 5, 2, "2026-02-01");
  exec (fx->store,
        "INSERT INTO visit (id, kind, happened_at) VALUES (1, 'home', '2026-03-01'),"
        "  (2, 'home', '2026-09-01'), (3, 'home', '2026-10-01'), (4, 'home', '2026-12-01'),"
        "  (5, 'home', '2025-06-01'), (6, 'phone', '2026-04-01');"
        "INSERT INTO visit_household VALUES (1, 1), (2, 1), (3, 2), (4, 2), (5, 5), (6, 5), (3, 6);"
        "INSERT INTO volunteer_activity (happened_on, title, hours) VALUES "
        "  ('2026-05-01', '义诊', 3.5), ('2026-10-01', '清扫', 2), ('2025-12-31', '慰问', 4),"
        "  ('2026-12-20', '计划', 9);");
  g_assert_true (lx_pairing_stats_compute (fx->store, 2026, TODAY, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.needy_households, ==, 4);
  g_assert_cmpint (s.needy_paired, ==, 2);
  g_assert_cmpfloat_with_epsilon (s.needy_paired_rate, 0.5, 1e-9);
  g_assert_cmpint (s.members, ==, 4);
  g_assert_cmpint (s.members_meeting_quota, ==, 1);
  g_assert_cmpint (s.paired_households, ==, 3);
  /* h1: 2 visits (meets 2), h2: 1 (the December one is after today), h5: 0. */
  g_assert_cmpint (s.paired_visits, ==, 3);
  g_assert_cmpint (s.paired_visits_required, ==, 6);
  g_assert_cmpint (s.paired_meeting_rule, ==, 1);
  g_assert_cmpfloat_with_epsilon (s.volunteer_hours, 5.5, 1e-9);

  json = lx_pairing_stats_to_json (&s, 2);
  g_assert_nonnull (strstr (json, "  \"needy_paired\": 2,\n"));
  g_assert_nonnull (strstr (json, "\"needy_paired_rate\": 0.500000,"));
  g_assert_true (g_str_has_suffix (json, "\"volunteer_hours\": 5.5\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, LxFixture, NULL, populate, fn, lx_fixture_teardown)
  ADD ("/pairing/quota-edge", test_quota_edge);
  ADD ("/pairing/unpaired-needy", test_unpaired_needy);
  ADD ("/pairing/move", test_move);
  ADD ("/pairing/refusals", test_refusals);
  ADD ("/pairing/undo", test_undo);
  ADD ("/pairing/stats", test_stats);
#undef ADD
  return g_test_run ();
}
