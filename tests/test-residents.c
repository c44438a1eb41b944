/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lx-repo.h"
#include "lx-resident.h"
#include "lx-test-util.h"

static LxResident *
resident (const char *name,
          const char *relation,
          const char *birth,
          const char *id_number)
{
  LxResident *r = lx_resident_new ();

  r->name = g_strdup (name);
  r->relation = g_strdup (relation);
  r->birth_date = g_strdup (birth);
  r->id_number = g_strdup (id_number);
  return r;
}

static char *
names (LxStore *store,
       gint64   household_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_repo_list_residents (store, household_id, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      LxResident *r = g_ptr_array_index (list, i);
      g_string_append_printf (s, "%s%s/%s/%s", i ? "," : "", r->name,
                              r->relation ? r->relation : "-", r->birth_date ? r->birth_date : "-");
    }
  return g_string_free (s, FALSE);
}

#define assert_residents(store, id, expected) \
  G_STMT_START { g_autofree char *got_ = names (store, id); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_save_with_household (LxFixture     *fx,
                          gconstpointer  data)
{
  g_autoptr(LxHousehold) h = lx_household_new ();
  g_autoptr(GPtrArray) rs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 id, wife;

  h->head_name = g_strdup ("张三");
  h->address = g_strdup ("和平路1号");
  h->size = 3;
  g_ptr_array_add (rs, resident ("李丽", "配偶", "1980年5月6日", NULL));
  /* The birth date comes from the ID number. */
  g_ptr_array_add (rs, resident ("张小明", "儿子", NULL, "110105201003040010"));
  id = lx_repo_save_household_with_residents (fx->store, h, rs, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_residents (fx->store, id, "李丽/配偶/1980-05-06,张小明/儿子/2010-03-04");
  wife = LX_RESIDENT (rs->pdata[0])->id;
  g_assert_cmpint (wife, >, 0);

  /* Edit one, remove one, add one: the same ids stay. */
  g_free (LX_RESIDENT (rs->pdata[0])->notes);
  LX_RESIDENT (rs->pdata[0])->notes = g_strdup ("腿脚不便");
  g_ptr_array_remove_index (rs, 1);
  g_ptr_array_add (rs, resident ("王秀英", "母亲", "1950-01-02", NULL));
  g_assert_cmpint (lx_repo_save_household_with_residents (fx->store, h, rs, &error), ==, id);
  g_assert_no_error (error);
  assert_residents (fx->store, id, "李丽/配偶/1980-05-06,王秀英/母亲/1950-01-02");
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM resident WHERE name = '李丽' "
                                       "AND notes = '腿脚不便' AND id = 1", NULL), ==, 1);

  /* The old API keeps the residents as they are. */
  g_free (h->notes);
  h->notes = g_strdup ("低保申请中");
  g_assert_cmpint (lx_repo_save_household (fx->store, h, &error), ==, id);
  assert_residents (fx->store, id, "李丽/配偶/1980-05-06,王秀英/母亲/1950-01-02");
}

static void
test_bad_resident_changes_nothing (LxFixture     *fx,
                                   gconstpointer  data)
{
  g_autoptr(LxHousehold) h = lx_household_new ();
  g_autoptr(GPtrArray) rs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  guint index = 99;
  gint64 id;

  h->head_name = g_strdup ("张三");
  h->address = g_strdup ("和平路1号");
  g_ptr_array_add (rs, resident ("李丽", "配偶", NULL, NULL));
  id = lx_repo_save_household_with_residents (fx->store, h, rs, &error);
  g_assert_no_error (error);

  g_free (h->head_name);
  h->head_name = g_strdup ("张三丰");
  g_ptr_array_add (rs, resident ("张小明", "儿子", "2012-01-01", "110105201003040010"));
  g_assert_cmpint (lx_repo_save_household_with_residents (fx->store, h, rs, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2"));   /* "Resident 2: …" */
  g_clear_error (&error);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM household WHERE head_name = '张三'",
                                       NULL), ==, 1);
  assert_residents (fx->store, id, "李丽/配偶/-");

  g_assert_false (lx_residents_validate (rs, "2026-11-26", &index, &field, &error));
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpstr (field, ==, "birth_date");
  g_clear_error (&error);

  g_free (LX_RESIDENT (rs->pdata[1])->name);
  LX_RESIDENT (rs->pdata[1])->name = g_strdup ("  ");
  g_assert_false (lx_residents_validate (rs, "2026-11-26", &index, &field, &error));
  g_assert_cmpstr (field, ==, "name");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/residents/save-with-household", LxFixture, NULL, lx_fixture_setup,
              test_save_with_household, lx_fixture_teardown);
  g_test_add ("/residents/bad-resident-changes-nothing", LxFixture, NULL, lx_fixture_setup,
              test_bad_resident_changes_nothing, lx_fixture_teardown);
  return g_test_run ();
}
