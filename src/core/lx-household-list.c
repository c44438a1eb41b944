/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-household-list"

#include "config.h"

#include "lx-household-list.h"

/* Households as a list model: the query, filters and order run in SQL; the
 * ids, the rows and the reloads are LxIdList's. */

struct _LxHouseholdList
{
  LxIdList  parent_instance;
  LxHouseholdFilter  filter;
};

G_DEFINE_FINAL_TYPE (LxHouseholdList, lx_household_list, LX_TYPE_ID_LIST)

static GArray *
lx_household_list_query_ids (LxIdList    *list,
                             const char  *today,
                             GError     **error)
{
  LxHouseholdList *self = LX_HOUSEHOLD_LIST (list);

  return lx_repo_query_household_ids (lx_id_list_get_store (list), &self->filter, today, error);
}

static gpointer
lx_household_list_load_item (LxIdList  *list,
                             gint64     id,
                             GError   **error)
{
  return lx_repo_get_household (lx_id_list_get_store (list), id, error);
}

static gpointer
lx_household_list_placeholder (LxIdList *list,
                               gint64    id)
{
  LxHousehold *h = lx_household_new ();

  h->id = id;
  h->head_name = g_strdup ("");
  return h;
}

static void
lx_household_list_finalize (GObject *object)
{
  LxHouseholdList *self = (LxHouseholdList *)object;

  lx_household_filter_clear (&self->filter);

  G_OBJECT_CLASS (lx_household_list_parent_class)->finalize (object);
}

static void
lx_household_list_class_init (LxHouseholdListClass *klass)
{
  LxIdListClass *list_class = LX_ID_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lx_household_list_finalize;
  list_class->item_type = LX_TYPE_HOUSEHOLD;
  list_class->query_ids = lx_household_list_query_ids;
  list_class->load_item = lx_household_list_load_item;
  list_class->placeholder = lx_household_list_placeholder;
}

static void
lx_household_list_init (LxHouseholdList *self)
{
}

LxHouseholdList *
lx_household_list_new (LxStore *store)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  return g_object_new (LX_TYPE_HOUSEHOLD_LIST, "store", store, NULL);
}

gboolean
lx_household_list_reload (LxHouseholdList  *self,
GError **error)
{
  return lx_id_list_reload (LX_ID_LIST (self), error);
}

void
lx_household_list_set_filter (LxHouseholdList *self,
                              const LxHouseholdFilter *filter)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LX_IS_HOUSEHOLD_LIST (self));
  g_return_if_fail (filter != NULL);

  lx_household_filter_clear (&self->filter);
  self->filter.search = g_strdup (filter->search);
  self->filter.need_tag = g_strdup (filter->need_tag);
  self->filter.zone_id = filter->zone_id;
  self->filter.status = filter->status;

  if (!lx_id_list_reload (LX_ID_LIST (self), &error))
    g_warning ("Cannot filter the list: %s", error->message);
}

const LxHouseholdFilter *
lx_household_list_get_filter (LxHouseholdList *self)
{
  g_return_val_if_fail (LX_IS_HOUSEHOLD_LIST (self), NULL);
  return &self->filter;
}

guint
lx_household_list_find (LxHouseholdList *self,
gint64 id)
{
  return lx_id_list_find (LX_ID_LIST (self), id);
}

gint64
lx_household_list_get_id (LxHouseholdList *self,
                          guint position)
{
  return lx_id_list_get_id (LX_ID_LIST (self), position);
}
