/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeal-list"

#include "config.h"

#include "lx-appeal-list.h"

/* Appeals as a list model: the query, filters and order run in SQL; the
 * ids, the rows and the reloads are LxIdList's. */

struct _LxAppealList
{
  LxIdList  parent_instance;
  LxAppealFilter  filter;
};

G_DEFINE_FINAL_TYPE (LxAppealList, lx_appeal_list, LX_TYPE_ID_LIST)

static GArray *
lx_appeal_list_query_ids (LxIdList    *list,
                          const char  *today,
                          GError     **error)
{
  LxAppealList *self = LX_APPEAL_LIST (list);

  return lx_appeal_repo_query_ids (lx_id_list_get_store (list), &self->filter, today, error);
}

static gpointer
lx_appeal_list_load_item (LxIdList  *list,
                          gint64     id,
                          GError   **error)
{
  return lx_appeal_repo_get (lx_id_list_get_store (list), id, error);
}

static gpointer
lx_appeal_list_placeholder (LxIdList *list,
                            gint64    id)
{
  LxAppeal *a = lx_appeal_new ();

  a->id = id;
  a->description = g_strdup ("");
  a->status = g_strdup ("received");
  return a;
}

static void
lx_appeal_list_finalize (GObject *object)
{
  LxAppealList *self = (LxAppealList *)object;

  lx_appeal_filter_clear (&self->filter);

  G_OBJECT_CLASS (lx_appeal_list_parent_class)->finalize (object);
}

static void
lx_appeal_list_class_init (LxAppealListClass *klass)
{
  LxIdListClass *list_class = LX_ID_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lx_appeal_list_finalize;
  list_class->item_type = LX_TYPE_APPEAL;
  list_class->query_ids = lx_appeal_list_query_ids;
  list_class->load_item = lx_appeal_list_load_item;
  list_class->placeholder = lx_appeal_list_placeholder;
}

static void
lx_appeal_list_init (LxAppealList *self)
{
}

LxAppealList *
lx_appeal_list_new (LxStore *store)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  return g_object_new (LX_TYPE_APPEAL_LIST, "store", store, NULL);
}

gboolean
lx_appeal_list_reload (LxAppealList  *self,
GError **error)
{
  return lx_id_list_reload (LX_ID_LIST (self), error);
}

void
lx_appeal_list_set_filter (LxAppealList *self,
                           const LxAppealFilter *filter)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LX_IS_APPEAL_LIST (self));
  g_return_if_fail (filter != NULL);

  lx_appeal_filter_copy (&self->filter, filter);

  if (!lx_id_list_reload (LX_ID_LIST (self), &error))
    g_warning ("Cannot filter the list: %s", error->message);
}

const LxAppealFilter *
lx_appeal_list_get_filter (LxAppealList *self)
{
  g_return_val_if_fail (LX_IS_APPEAL_LIST (self), NULL);
  return &self->filter;
}

guint
lx_appeal_list_find (LxAppealList *self,
gint64 id)
{
  return lx_id_list_find (LX_ID_LIST (self), id);
}

gint64
lx_appeal_list_get_id (LxAppealList *self,
                       guint position)
{
  return lx_id_list_get_id (LX_ID_LIST (self), position);
}
