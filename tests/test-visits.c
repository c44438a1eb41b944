/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lx-duty.h"
#include "lx-event-repo.h"
#include "lx-repo.h"
#include "lx-visit-repo.h"
#include "lx-test-util.h"

#define TODAY "2026-11-26"

static gint64
exec_insert (LxStore    *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lx_store_exec (store, sql, &error));
  g_assert_no_error (error);
  return lx_store_last_insert_id (store);
}

static gint64
add_member (LxStore    *store,
            const char *name,
            gboolean    cadre)
{
  g_autofree char *sql = NULL;

  if (lx_store_query_int (store, "SELECT count(*) FROM organization", NULL) == 0)
    exec_insert (store, "INSERT INTO organization (name, kind) VALUES ('第一党支部', 'branch')");
  sql = g_strdup_printf ("INSERT INTO member (org_id, name, pinyin, leading_cadre) "
                         "VALUES (1, '%s', '%s', %d)", name, name, cadre ? 1 : 0);
  return exec_insert (store, sql);
}

static gint64
add_household (LxStore    *store,
               const char *name)
{
  g_autoptr(LxHousehold) h = lx_household_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  h->head_name = g_strdup (name);
  h->address = g_strdup ("幸福路1号");
  id = lx_repo_save_household (store, h, &error);
  g_assert_no_error (error);
  return id;
}

static char *
last_visit_on (LxStore *store,
               gint64   household)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT last_visit_on FROM household WHERE id = ?", NULL);
  char *value;

  sqlite3_bind_int64 (stmt, 1, household);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = lx_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gint64
log_home_visit (LxStore    *store,
                gint64      household,
                gint64      member,
                const char *when,
                GError    **error)
{
  g_autoptr(LxVisit) v = lx_visit_new ("home", when);

  g_array_append_val (v->household_ids, household);
  g_array_append_val (v->member_ids, member);
  v->notes = g_strdup ("老人腿脚不便，希望加装扶手");
  return lx_visit_repo_add (store, v, error);
}

static void
test_visit_timeline (LxFixture     *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(LxVisit) deleted = NULL;
  g_autofree char *last = NULL;
  gint64 member = add_member (fx->store, "王芳", FALSE);
  gint64 household = add_household (fx->store, "张三");
  gint64 first, second;
  LxVisitStatus status;

  last = last_visit_on (fx->store, household);
  g_assert_null (last);
  first = log_home_visit (fx->store, household, member, "2026-03-02T10:30", &error);
  g_assert_no_error (error);
  second = log_home_visit (fx->store, household, member, "2026-11-20 15:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);

  g_free (last);
  last = last_visit_on (fx->store, household);
  g_assert_cmpstr (last, ==, "2026-11-20");
  status = lx_visit_status_compute (last, 365, TODAY);
  g_assert_cmpint (status, ==, LX_VISIT_STATUS_VISITED);

  list = lx_visit_repo_list_for_household (fx->store, household, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((LxVisit *)list->pdata[0])->happened_at, ==, "2026-11-20T15:00");
  g_assert_cmpstr (((LxVisit *)list->pdata[0])->member_names, ==, "王芳");
  g_assert_cmpstr (((LxVisit *)list->pdata[1])->household_names, ==, "张三");

  /* Delete the newer one: the household's last visit falls back; undo restores it. */
  deleted = lx_visit_repo_delete (fx->store, second, &error);
  g_assert_no_error (error);
  g_free (last);
  last = last_visit_on (fx->store, household);
  g_assert_cmpstr (last, ==, "2026-03-02");
  g_assert_true (lx_visit_repo_restore (fx->store, deleted, &error));
  g_assert_no_error (error);
  g_free (last);
  last = last_visit_on (fx->store, household);
  g_assert_cmpstr (last, ==, "2026-11-20");
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM visit_member", NULL), ==, 2);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log "
                                                   "WHERE table_name = 'visit'", NULL), ==, 4);
}

static void
test_visit_validation (LxFixture     *fx,
                       gconstpointer  data)
{
  struct { const char *kind, *when; gboolean household, member; const char *field; } cases[] = {
    { "home", "2026-11-20", FALSE, TRUE, "households" },
    { "home", "2026-11-20", TRUE, FALSE, "members" },
    { "home", "2026-11-27", TRUE, TRUE, "happened_at" },
    { "home", "2026-02-30", TRUE, TRUE, "happened_at" },
    { "home", "2026-11-20T25:00", TRUE, TRUE, "happened_at" },
    { "field", "2026-11-20", FALSE, TRUE, "contact_point" },
    { "visit", "2026-11-20", TRUE, TRUE, "kind" },
  };
  gint64 member = add_member (fx->store, "王芳", FALSE);
  gint64 household = add_household (fx->store, "张三");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LxVisit) v = lx_visit_new (cases[i].kind, cases[i].when);
      g_autoptr(GError) error = NULL;
      const char *field = NULL;

      if (cases[i].household)
        g_array_append_val (v->household_ids, household);
      if (cases[i].member)
        g_array_append_val (v->member_ids, member);
      g_assert_false (lx_visit_validate (v, TODAY, &field, &error));
      g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      g_clear_error (&error);
      g_assert_cmpint (lx_visit_repo_add (fx->store, v, &error), ==, 0);
      g_assert_nonnull (error);
    }
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM visit", NULL), ==, 0);
}

static gint64
add_reception_series (LxStore *store,
                      gint64   member)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  LxEventDraft draft = {
    .kind = "reception_day", .title = "党代表接待日", .starts_at = "2026-01-08T09:00",
    .ends_at = "2026-01-08T11:30", .place = "党员服务中心", .rrule = "FREQ=MONTHLY;BYDAY=2TH",
    .member_ids = members,
  };
  gint64 id;

  if (member > 0)
    g_array_append_val (members, member);
  id = lx_event_repo_create (store, &draft, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static GPtrArray *
occurrences (LxStore    *store,
             const char *from,
             const char *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = lx_event_repo_list_occurrences (store, from, to, &error);

  g_assert_no_error (error);
  return list;
}

static void
test_event_exceptions (LxFixture     *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) q1 = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) early = NULL;
  gint64 event = add_reception_series (fx->store, add_member (fx->store, "李强", FALSE));
  LxOccurrence *o;

  q1 = occurrences (fx->store, "2026-01-01", "2026-03-31");
  g_assert_cmpuint (q1->len, ==, 3);
  o = q1->pdata[1];
  g_assert_cmpstr (o->starts_at, ==, "2026-02-12T09:00");
  g_assert_cmpstr (o->ends_at, ==, "2026-02-12T11:30");
  g_assert_cmpstr (o->member_names, ==, "李强");

  g_assert_true (lx_event_repo_skip_occurrence (fx->store, event, "2026-02-12", &error));
  g_assert_no_error (error);
  g_assert_true (lx_event_repo_move_occurrence (fx->store, event, "2026-03-12", "2026-03-19", &error));
  g_assert_no_error (error);
  g_clear_pointer (&q1, g_ptr_array_unref);
  q1 = occurrences (fx->store, "2026-01-01", "2026-03-31");
  g_assert_cmpuint (q1->len, ==, 2);
  o = q1->pdata[1];
  g_assert_cmpstr (o->occurrence_on, ==, "2026-03-12");
  g_assert_cmpstr (o->starts_at, ==, "2026-03-19T09:00");
  g_assert_true (o->moved);

  /* A moved occurrence shows where it went, not where it was. */
  late = occurrences (fx->store, "2026-03-15", "2026-03-31");
  early = occurrences (fx->store, "2026-03-01", "2026-03-14");
  g_assert_cmpuint (late->len, ==, 1);
  g_assert_cmpuint (early->len, ==, 0);

  /* A day the rule does not give is refused. */
  g_assert_false (lx_event_repo_skip_occurrence (fx->store, event, "2026-03-13", &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Moving the series moves the rule's start: the second Thursday stays. */
  g_assert_true (lx_event_repo_move_series (fx->store, event, "2026-04-09T14:00", &error));
  g_assert_no_error (error);
  g_clear_pointer (&q1, g_ptr_array_unref);
  q1 = occurrences (fx->store, "2026-01-01", "2026-05-31");
  g_assert_cmpuint (q1->len, ==, 2);
  g_assert_cmpstr (((LxOccurrence *)q1->pdata[0])->starts_at, ==, "2026-04-09T14:00");
  /* The old end would come before the new start: it is dropped. */
  g_assert_null (((LxOccurrence *)q1->pdata[0])->ends_at);
}

static void
test_mark_done (LxFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LxVisit) visit = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *last = NULL;
  gint64 member = add_member (fx->store, "王芳", FALSE);
  gint64 household = add_household (fx->store, "张三");
  LxEventDraft draft = {
    .kind = "planned_visit", .title = "入户走访", .starts_at = "2026-11-25T15:00",
    .household_id = household, .member_ids = members,
  };
  gint64 event, visit_id;

  g_array_append_val (members, member);
  event = lx_event_repo_create (fx->store, &draft, NULL, &error);
  g_assert_no_error (error);

  visit_id = lx_event_repo_mark_done (fx->store, event, "2026-11-25", "家中一切安好", &error);
  g_assert_no_error (error);
  visit = lx_visit_repo_get (fx->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (visit->kind, ==, "home");
  g_assert_cmpstr (visit->happened_at, ==, "2026-11-25T15:00");
  g_assert_cmpint (visit->event_id, ==, event);
  g_assert_cmpuint (visit->member_ids->len, ==, 1);
  g_assert_cmpstr (visit->household_names, ==, "张三");
  last = last_visit_on (fx->store, household);
  g_assert_cmpstr (last, ==, "2026-11-25");
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM event WHERE status = 'done'",
                                       NULL), ==, 1);

  /* Twice is refused and records nothing more. */
  g_assert_cmpint (lx_event_repo_mark_done (fx->store, event, "2026-11-25", NULL, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_DUPLICATE);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM visit", NULL), ==, 1);

  list = occurrences (fx->store, "2026-11-01", "2026-11-30");
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (((LxOccurrence *)list->pdata[0])->done);
}

static void
test_mark_done_series (LxFixture     *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 rep = add_member (fx->store, "李强", FALSE);
  gint64 event = add_reception_series (fx->store, rep);
  gint64 empty = add_reception_series (fx->store, 0);
  gint64 visit_id;

  g_assert_true (lx_event_repo_move_occurrence (fx->store, event, "2026-10-08", "2026-10-15", &error));
  visit_id = lx_event_repo_mark_done (fx->store, event, "2026-10-08", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM visit WHERE kind = 'reception' "
                                       "AND happened_at = '2026-10-15T09:00'", NULL), ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT done FROM event_exception "
                                       "WHERE occurrence_on = '2026-10-08'", NULL), ==, 1);
  g_assert_cmpint (visit_id, >, 0);

  /* Not yet happened: refused. No participants: refused, and nothing half-written. */
  g_assert_cmpint (lx_event_repo_mark_done (fx->store, event, "2026-12-10", NULL, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (lx_event_repo_mark_done (fx->store, empty, "2026-11-12", NULL, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM visit", NULL), ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM event_exception", NULL), ==, 1);

  list = occurrences (fx->store, "2026-10-01", "2026-10-31");
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (((LxOccurrence *)list->pdata[1])->done);
  g_assert_false (((LxOccurrence *)list->pdata[0])->done);
}

static void
field_visit (LxStore    *store,
             gint64      member,
             gint64      point,
             const char *when)
{
  g_autoptr(LxVisit) v = lx_visit_new ("field", when);
  g_autoptr(GError) error = NULL;

  v->contact_point_id = point;
  g_array_append_val (v->member_ids, member);
  lx_visit_repo_add (store, v, &error);
  g_assert_no_error (error);
}

static void
test_duty_grid (LxFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grid = NULL;
  gint64 a = add_member (fx->store, "a-cadre", TRUE);
  gint64 b = add_member (fx->store, "b-cadre", TRUE);
  gint64 plain = add_member (fx->store, "c-member", FALSE);
  gint64 point = exec_insert (fx->store, "INSERT INTO contact_point (name) VALUES ('东城社区')");
  const LxDutyState expect_a[12] = {
    LX_DUTY_DONE, LX_DUTY_MISSED, LX_DUTY_DONE, LX_DUTY_MISSED, LX_DUTY_MISSED, LX_DUTY_MISSED,
    LX_DUTY_MISSED, LX_DUTY_MISSED, LX_DUTY_MISSED, LX_DUTY_MISSED, LX_DUTY_DONE, LX_DUTY_UPCOMING,
  };
  LxDutyRow *row;

  field_visit (fx->store, a, point, "2026-01-15T09:00");
  field_visit (fx->store, a, point, "2026-03-02");
  field_visit (fx->store, a, point, "2026-03-28");
  field_visit (fx->store, a, point, "2026-11-03");
  field_visit (fx->store, a, point, "2025-12-20");
  field_visit (fx->store, plain, point, "2026-05-20");

  grid = lx_duty_grid (fx->store, 2026, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grid->len, ==, 2);
  row = grid->pdata[0];
  g_assert_cmpint (row->member_id, ==, a);
  for (int m = 0; m < 12; m++)
    g_assert_cmpint (row->months[m], ==, expect_a[m]);
  g_assert_cmpint (row->visits[2], ==, 2);
  g_assert_cmpint (row->done, ==, 3);
  g_assert_cmpint (row->missed, ==, 8);
  row = grid->pdata[1];
  g_assert_cmpint (row->member_id, ==, b);
  g_assert_cmpint (row->months[10], ==, LX_DUTY_UPCOMING);
  g_assert_cmpint (row->missed, ==, 10);

  /* A past year has no upcoming month. */
  g_clear_pointer (&grid, g_ptr_array_unref);
  grid = lx_duty_grid (fx->store, 2025, TODAY, &error);
  row = grid->pdata[0];
  g_assert_cmpint (row->months[11], ==, LX_DUTY_DONE);
  g_assert_cmpint (row->missed, ==, 11);
}

static void
test_reception_tally (LxFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 event = add_reception_series (fx->store, add_member (fx->store, "李强", FALSE));
  LxReceptionTally tally;

  g_assert_true (lx_event_repo_skip_occurrence (fx->store, event, "2026-02-12", &error));
  g_assert_cmpint (lx_event_repo_mark_done (fx->store, event, "2026-01-08", NULL, &error), >, 0);
  g_assert_cmpint (lx_event_repo_mark_done (fx->store, event, "2026-11-12", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (lx_reception_tally (fx->store, 2026, TODAY, &tally, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tally.planned, ==, 11);
  g_assert_cmpint (tally.due, ==, 10);
  g_assert_cmpint (tally.held, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, LxFixture, NULL, lx_fixture_setup, func, lx_fixture_teardown)
  ADD ("/visits/timeline", test_visit_timeline);
  ADD ("/visits/validation", test_visit_validation);
  ADD ("/events/exceptions", test_event_exceptions);
  ADD ("/events/mark-done", test_mark_done);
  ADD ("/events/mark-done-series", test_mark_done_series);
  ADD ("/duty/grid", test_duty_grid);
  ADD ("/duty/reception-tally", test_reception_tally);
#undef ADD
  return g_test_run ();
}
