/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lx-household-list.h"
#include "lx-repo.h"
#include "lx-validate.h"
#include "lx-test-util.h"

#define TODAY "2026-11-26"

static gint64
add_building (LxStore    *store,
              const char *site,
              const char *name,
              gint64      zone_id)
{
  g_autoptr(LxBuilding) b = g_object_new (LX_TYPE_BUILDING, NULL);
  gint64 site_id = lx_store_query_int (store, "SELECT id FROM site ORDER BY id DESC LIMIT 1", NULL);

  if (site != NULL)
    site_id = lx_repo_add_site (store, site, NULL, NULL);
  b->site_id = site_id;
  b->name = g_strdup (name);
  b->entrances = 2;
  b->floors = 6;
  b->rooms_per_floor = 2;
  b->zone_id = zone_id;
  return lx_repo_add_building (store, b, NULL);
}

static gint64
add_household (LxStore    *store,
               const char *name,
               gint64      building_id,
               int         entrance,
               const char *room,
               const char *phone,
               const char *tag)
{
  g_autoptr(LxHousehold) h = lx_household_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  h->head_name = g_strdup (name);
  h->building_id = building_id;
  h->entrance = entrance;
  h->room = g_strdup (room);
  h->phone = g_strdup (phone);
  if (tag != NULL)
    {
      g_strfreev (h->need_tags);
      h->need_tags = g_strsplit (tag, ",", -1);
    }
  id = lx_repo_save_household (store, h, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_visit (LxStore    *store,
           gint64      household_id,
           const char *kind,
           const char *date)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO visit (kind, happened_at) VALUES ('%s', '%s');"
                                          "INSERT INTO visit_household VALUES (last_insert_rowid(), %"
                                          G_GINT64_FORMAT ");", kind, date, household_id);
  g_assert_true (lx_store_exec (store, sql, NULL));
}

static void
test_organization_tree (LxFixture     *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  gint64 root, b1, b2, g1;

  root = lx_repo_add_organization (fx->store, 0, "市建设局机关党委", "committee", &error);
  b2 = lx_repo_add_organization (fx->store, root, "第一党支部", "branch", &error);
  b1 = lx_repo_add_organization (fx->store, root, "第二党支部", "branch", &error);
  g1 = lx_repo_add_organization (fx->store, b2, "第一党小组", "group", &error);
  g_assert_no_error (error);

  orgs = lx_repo_list_organizations (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, ==, 4);
  /* depth first, children in the order added */
  g_assert_cmpint (((LxOrganization *)orgs->pdata[0])->id, ==, root);
  g_assert_cmpint (((LxOrganization *)orgs->pdata[1])->id, ==, b2);
  g_assert_cmpint (((LxOrganization *)orgs->pdata[2])->id, ==, g1);
  g_assert_cmpint (((LxOrganization *)orgs->pdata[3])->id, ==, b1);
  g_assert_cmpint (((LxOrganization *)orgs->pdata[2])->parent_id, ==, b2);

  g_assert_cmpint (lx_repo_add_organization (fx->store, 0, "  ", "branch", &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (lx_repo_add_organization (fx->store, 0, "x", "club", &error), ==, 0);
  g_assert_error (error, LX_STORE_ERROR, LX_STORE_ERROR_CONSTRAINT);
}

static void
test_members (LxFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxMember) secretary = g_object_new (LX_TYPE_MEMBER, NULL);
  g_autoptr(LxMember) bad = g_object_new (LX_TYPE_MEMBER, NULL);
  g_autoptr(GPtrArray) members = NULL;
  gint64 org = lx_repo_add_organization (fx->store, 0, "第一党支部", "branch", NULL);

  secretary->org_id = org;
  secretary->name = g_strdup ("曾国华");
  secretary->role = g_strdup ("secretary");
  secretary->phone = g_strdup ("138 1234 5678");
  secretary->leading_cadre = TRUE;
  g_assert_cmpint (lx_repo_add_member (fx->store, secretary, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (secretary->phone, ==, "13812345678");
  g_assert_cmpint (lx_store_query_int (fx->store,
                                       "SELECT count(*) FROM member WHERE initials = 'zgh' "
                                       "AND pinyin = 'zengguohua'", NULL), ==, 1);

  bad->org_id = org;
  bad->name = g_strdup ("李四");
  bad->id_number = g_strdup ("110105194912310020");   /* wrong check digit */
  g_assert_cmpint (lx_repo_add_member (fx->store, bad, &error), ==, 0);
  g_assert_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_CHECKSUM);
  g_assert_cmpint (bad->id, ==, 0);

  members = lx_repo_list_members (fx->store, org, NULL);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((LxMember *)members->pdata[0])->role, ==, "secretary");
  g_assert_true (((LxMember *)members->pdata[0])->leading_cadre);
}

static void
test_zones_and_buildings (LxFixture     *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) zones = NULL;
  g_autoptr(GPtrArray) buildings = NULL;
  g_autoptr(LxBuilding) bad = g_object_new (LX_TYPE_BUILDING, NULL);
  gint64 zone = lx_repo_add_zone (fx->store, "第一网格", NULL, &error);

  g_assert_no_error (error);
  add_building (fx->store, "幸福里小区", "1号楼", zone);
  add_building (fx->store, NULL, "2号楼", 0);

  zones = lx_repo_list_zones (fx->store, NULL);
  g_assert_cmpuint (zones->len, ==, 1);
  g_assert_cmpstr (((LxZone *)zones->pdata[0])->colour, ==, "#3584e4");

  buildings = lx_repo_list_buildings (fx->store, 0, NULL);
  g_assert_cmpuint (buildings->len, ==, 2);
  g_assert_cmpstr (((LxBuilding *)buildings->pdata[0])->site_name, ==, "幸福里小区");
  g_assert_cmpint (((LxBuilding *)buildings->pdata[0])->zone_id, ==, zone);

  g_assert_cmpint (lx_repo_add_zone (fx->store, "第一网格", NULL, &error), ==, 0);
  g_assert_error (error, LX_STORE_ERROR, LX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  bad->site_id = 1;
  bad->name = g_strdup ("3号楼");
  g_assert_cmpint (lx_repo_add_building (fx->store, bad, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
}

static void
test_household_save_and_get (LxFixture     *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxHousehold) h = NULL;
  g_autofree char *address = NULL;
  gint64 building = add_building (fx->store, "幸福里小区", "3号楼", 0);
  gint64 id = add_household (fx->store, "单田芳", building, 2, "502", "13800001111", "dibao,disabled");

  h = lx_repo_get_household (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (h->head_name, ==, "单田芳");
  g_assert_cmpstr (h->pinyin, ==, "shantianfang");
  g_assert_cmpstr (h->initials, ==, "stf");
  g_assert_true (h->needy);
  g_assert_cmpint (h->rule_days, ==, 90);
  g_assert_cmpuint (g_strv_length (h->need_tags), ==, 2);
  g_assert_null (h->last_visit_on);
  address = lx_household_dup_address (h);
  g_assert_true (g_str_has_prefix (address, "幸福里小区3号楼"));
  g_assert_true (strstr (address, "502") != NULL);

  /* Dropping the need tags brings the rule back to a year. */
  g_strfreev (h->need_tags);
  h->need_tags = g_new0 (char *, 1);
  g_assert_cmpint (lx_repo_save_household (fx->store, h, &error), ==, id);
  g_clear_object (&h);
  h = lx_repo_get_household (fx->store, id, NULL);
  g_assert_false (h->needy);
  g_assert_cmpint (h->rule_days, ==, 365);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log "
                                       "WHERE table_name = 'household'", NULL), ==, 2);
}

static void
test_household_validation (LxFixture     *fx,
                           gconstpointer  data)
{
  g_autoptr(LxHousehold) h = lx_household_new ();
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  h->address = g_strdup ("和平路12号");
  g_assert_false (lx_household_validate (h, TODAY, &field, &error));
  g_assert_cmpstr (field, ==, "head_name");
  g_clear_error (&error);

  h->head_name = g_strdup ("  王芳 ");
  h->phone = g_strdup ("12345");
  g_assert_false (lx_household_validate (h, TODAY, &field, &error));
  g_assert_cmpstr (field, ==, "phone");
  g_clear_error (&error);

  g_free (h->phone);
  h->phone = g_strdup ("010-12345678");
  h->id_number = g_strdup ("11010519491231002x");
  g_assert_true (lx_household_validate (h, TODAY, &field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (h->head_name, ==, "王芳");
  g_assert_cmpstr (h->id_number, ==, "11010519491231002X");

  h->size = 0;
  g_assert_false (lx_household_validate (h, TODAY, &field, &error));
  g_assert_cmpstr (field, ==, "size");
  g_clear_error (&error);

  h->size = 3;
  g_clear_pointer (&h->address, g_free);
  g_assert_false (lx_household_validate (h, TODAY, &field, &error));
  g_assert_cmpstr (field, ==, "address");
  g_clear_error (&error);

  /* Nothing invalid reaches the database. */
  g_assert_cmpint (lx_repo_save_household (fx->store, h, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_assert_cmpint (lx_repo_count_households (fx->store, NULL), ==, 0);
}

static void
test_household_duplicate (LxFixture     *fx,
                          gconstpointer  data)
{
  g_autoptr(LxHousehold) twin = lx_household_new ();
  g_autoptr(GError) error = NULL;
  gint64 building = add_building (fx->store, "和平苑", "1号楼", 0);

  add_household (fx->store, "张三", building, 1, "101", NULL, NULL);
  twin->head_name = g_strdup ("张三");
  twin->building_id = building;
  twin->entrance = 1;
  twin->room = g_strdup ("101");
  g_assert_cmpint (lx_repo_save_household (fx->store, twin, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_DUPLICATE);
  g_assert_true (strstr (error->message, "张三") != NULL);
  g_assert_cmpint (lx_repo_count_households (fx->store, NULL), ==, 1);
  g_assert_cmpint (twin->id, ==, 0);
}

static void
test_household_delete_restore (LxFixture     *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_household (fx->store, "李娜", add_building (fx->store, "和平苑", "1号楼", 0),
                             1, "101", NULL, NULL);

  g_assert_true (lx_repo_delete_household (fx->store, id, &error));
  g_assert_cmpint (lx_repo_count_households (fx->store, NULL), ==, 0);
  g_assert_false (lx_repo_delete_household (fx->store, id, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lx_repo_restore_household (fx->store, id, &error));
  g_assert_cmpint (lx_repo_count_households (fx->store, NULL), ==, 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log "
                                       "WHERE action IN ('delete', 'restore')", NULL), ==, 2);
}

static GArray *
query (LxStore       *store,
       const char    *search,
       gint64         zone,
       const char    *tag,
       LxVisitStatus  status)
{
  LxHouseholdFilter f = { (char *)search, zone, (char *)tag, status };
  g_autoptr(GError) error = NULL;
  GArray *ids = lx_repo_query_household_ids (store, &f, TODAY, &error);

  g_assert_no_error (error);
  return ids;
}

static void
test_household_query (LxFixture     *fx,
                      gconstpointer  data)
{
  gint64 zone = lx_repo_add_zone (fx->store, "东区", NULL, NULL);
  gint64 b1 = add_building (fx->store, "幸福里小区", "1号楼", zone);
  gint64 b2 = add_building (fx->store, "建设新村", "5号楼", 0);
  gint64 zhang = add_household (fx->store, "张三", b1, 1, "101", "13911112222", NULL);
  gint64 li = add_household (fx->store, "李四", b2, 1, "201", NULL, "elderly_alone");
  gint64 wang = add_household (fx->store, "王五", b2, 2, "301", NULL, NULL);
  gint64 ouyang = add_household (fx->store, "欧阳明", b1, 2, "601", NULL, NULL);
  g_autoptr(GArray) ids = NULL;

  g_assert_true (lx_store_exec (fx->store, "UPDATE household SET zone_id = 1 WHERE building_id = 1",
                                NULL));

  /* needy first, then by building and room */
  ids = query (fx->store, NULL, 0, NULL, 0);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, li);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, zhang);
  g_clear_pointer (&ids, g_array_unref);

#define ONE(expected, ...) G_STMT_START {                  \
    ids = query (fx->store, __VA_ARGS__);                  \
    g_assert_cmpuint (ids->len, ==, 1);                    \
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expected); \
    g_clear_pointer (&ids, g_array_unref);                 \
  } G_STMT_END

  ONE (zhang, "zs", 0, NULL, 0);
  ONE (zhang, "zhangsan", 0, NULL, 0);
  ONE (zhang, "ZHANG", 0, NULL, 0);
  ONE (zhang, "1111", 0, NULL, 0);
  ONE (ouyang, "oym", 0, NULL, 0);
  ONE (ouyang, "欧阳", 0, NULL, 0);
  ONE (wang, "建设新村5号楼2", 0, NULL, 0);
  ONE (li, NULL, 0, "*", 0);
  ONE (li, NULL, 0, "elderly_alone", 0);

  ids = query (fx->store, NULL, zone, NULL, 0);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  ids = query (fx->store, "nobody", 0, NULL, 0);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* Visit status against each household's rule, today 2026-11-26:
   * 张三 yearly, visited 2026-06-01 → visited; 李四 quarterly, visited
   * 2026-08-01 → overdue (117 days); 王五 yearly, visited 2025-12-10 → due
   * within 30 days (351 days); 欧阳明 never. A phone call is not a home visit. */
  add_visit (fx->store, zhang, "home", "2026-06-01T10:00");
  add_visit (fx->store, li, "home", "2026-08-01T09:30");
  add_visit (fx->store, wang, "home", "2025-12-10T15:00");
  add_visit (fx->store, ouyang, "phone", "2026-11-01T15:00");

  ONE (zhang, NULL, 0, NULL, LX_VISIT_STATUS_VISITED);
  ONE (li, NULL, 0, NULL, LX_VISIT_STATUS_OVERDUE);
  ONE (wang, NULL, 0, NULL, LX_VISIT_STATUS_DUE_SOON);
  ONE (ouyang, NULL, 0, NULL, LX_VISIT_STATUS_NEVER);
#undef ONE

  g_assert_cmpint (lx_visit_status_compute ("2026-06-01", 365, TODAY), ==, LX_VISIT_STATUS_VISITED);
  g_assert_cmpint (lx_visit_status_compute ("2026-08-01", 90, TODAY), ==, LX_VISIT_STATUS_OVERDUE);
  g_assert_cmpint (lx_visit_status_compute ("2025-12-10", 365, TODAY), ==, LX_VISIT_STATUS_DUE_SOON);
  g_assert_cmpint (lx_visit_status_compute (NULL, 365, TODAY), ==, LX_VISIT_STATUS_NEVER);
}

static void
test_rules_follow_pairing_and_settings (LxFixture     *fx,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 org = lx_repo_add_organization (fx->store, 0, "支部", "branch", NULL);
  g_autoptr(LxMember) m = g_object_new (LX_TYPE_MEMBER, NULL);
  gint64 id = add_household (fx->store, "赵六", add_building (fx->store, "和平苑", "2号楼", 0),
                             1, "101", NULL, NULL);
  g_autofree char *sql = NULL;

  m->org_id = org;
  m->name = g_strdup ("周七");
  lx_repo_add_member (fx->store, m, NULL);

  sql = g_strdup_printf ("INSERT INTO pairing (member_id, household_id, start_on) VALUES "
                         "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-01-01')", m->id, id);
  g_assert_true (lx_store_exec (fx->store, sql, NULL));
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT rule_days FROM household", NULL), ==, 182);

  g_assert_true (lx_repo_set_visit_rule (fx->store, "paired", 120, &error));
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT rule_days FROM household", NULL), ==, 120);
  g_assert_true (lx_store_exec (fx->store, "UPDATE pairing SET end_on = '2026-06-01'", NULL));
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT rule_days FROM household", NULL), ==, 365);

  g_assert_false (lx_repo_set_visit_rule (fx->store, "default", 0, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lx_repo_set_quota (fx->store, "member", 2, &error));
  g_assert_cmpint (lx_repo_get_quota (fx->store, "member"), ==, 2);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

static void
test_household_list_model (LxFixture     *fx,
                           gconstpointer  data)
{
  g_autoptr(LxHouseholdList) list = lx_household_list_new (fx->store);
  g_autoptr(LxHousehold) first = NULL;
  LxHouseholdFilter filter = { (char *)"ls", 0, NULL, 0 };
  gint64 building = add_building (fx->store, "幸福里小区", "1号楼", 0);
  guint calls = 0;
  gint64 li;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &calls);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  add_household (fx->store, "张三", building, 1, "101", NULL, NULL);
  li = add_household (fx->store, "李四", building, 1, "102", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (calls, ==, 2);   /* one per committed change */

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == LX_TYPE_HOUSEHOLD);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (first->head_name, ==, "张三");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));

  lx_household_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (lx_household_list_get_id (list, 0), ==, li);
  g_assert_cmpuint (lx_household_list_find (list, li), ==, 0);

  lx_repo_delete_household (fx->store, li, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

#define ADD(name, fn) \
  g_test_add (name, LxFixture, NULL, lx_fixture_setup, fn, lx_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/repo/organization-tree", test_organization_tree);
  ADD ("/repo/members", test_members);
  ADD ("/repo/zones-and-buildings", test_zones_and_buildings);
  ADD ("/repo/household/save-and-get", test_household_save_and_get);
  ADD ("/repo/household/validation", test_household_validation);
  ADD ("/repo/household/duplicate", test_household_duplicate);
  ADD ("/repo/household/delete-restore", test_household_delete_restore);
  ADD ("/repo/household/query", test_household_query);
  ADD ("/repo/household/rules-follow-pairing-and-settings", test_rules_follow_pairing_and_settings);
  ADD ("/repo/household/list-model", test_household_list_model);

  return g_test_run ();
}
