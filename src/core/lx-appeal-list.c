/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeal-list"

#include "config.h"

#include "lx-date.h"
#include "lx-appeal-list.h"

/* A list model over the appeals table that holds only row ids: the query
 * (search, filters, order) runs in SQL, and a row object is built when a view
 * asks for it. Rows in view are kept in a small cache. */

#define CACHE_LIMIT 512

struct _LxAppealList
{
  GObject            parent_instance;

  LxStore           *store;
  GArray            *ids;
  GHashTable        *cache;     /* id → LxAppeal */
  LxAppealFilter  filter;
  char              *today;
  gulong             changed_id;
};

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GType
lx_appeal_list_get_item_type (GListModel *model)
{
  return LX_TYPE_APPEAL;
}

static guint
lx_appeal_list_get_n_items (GListModel *model)
{
  return LX_APPEAL_LIST (model)->ids->len;
}

static gpointer
lx_appeal_list_get_item (GListModel *model,
                            guint       position)
{
  LxAppealList *self = LX_APPEAL_LIST (model);
  g_autoptr(GError) error = NULL;
  LxAppeal *h;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  h = g_hash_table_lookup (self->cache, &id);
  if (h != NULL)
    return g_object_ref (h);

  h = lx_appeal_repo_get (self->store, id, &error);
  if (h == NULL)
    {
      /* The row vanished under us (another connection deleted it): show a
       * placeholder rather than break the view's contract. */
      g_warning ("Cannot load appeal %" G_GINT64_FORMAT ": %s", id, error->message);
      h = lx_appeal_new ();
      h->id = id;
      h->description = g_strdup ("");
      h->status = g_strdup ("received");
      return h;
    }

  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (h));
  return h;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lx_appeal_list_get_item_type;
  iface->get_n_items = lx_appeal_list_get_n_items;
  iface->get_item = lx_appeal_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (LxAppealList, lx_appeal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
on_store_changed (LxStore         *store,
                  const char      *table,
                  LxAppealList *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (table, "appeal") != 0 && g_strcmp0 (table, "household") != 0 &&
      g_strcmp0 (table, "member") != 0)
    return;
  if (!lx_appeal_list_reload (self, &error))
    g_warning ("Cannot reload appeals: %s", error->message);
}

static void
lx_appeal_list_dispose (GObject *object)
{
  LxAppealList *self = (LxAppealList *)object;

  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lx_appeal_list_parent_class)->dispose (object);
}

static void
lx_appeal_list_finalize (GObject *object)
{
  LxAppealList *self = (LxAppealList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->today, g_free);
  lx_appeal_filter_clear (&self->filter);

  G_OBJECT_CLASS (lx_appeal_list_parent_class)->finalize (object);
}

static void
lx_appeal_list_constructed (GObject *object)
{
  LxAppealList *self = (LxAppealList *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (lx_appeal_list_parent_class)->constructed (object);

  /* Every table that changes what a appeal row shows. */
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed), self);
  if (!lx_appeal_list_reload (self, &error))
    g_warning ("Cannot load appeals: %s", error->message);
}

static void
lx_appeal_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LxAppealList *self = LX_APPEAL_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_appeal_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LxAppealList *self = LX_APPEAL_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_appeal_list_class_init (LxAppealListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lx_appeal_list_constructed;
  object_class->dispose = lx_appeal_list_dispose;
  object_class->finalize = lx_appeal_list_finalize;
  object_class->get_property = lx_appeal_list_get_property;
  object_class->set_property = lx_appeal_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lx_appeal_list_init (LxAppealList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

LxAppealList *
lx_appeal_list_new (LxStore *store)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  return g_object_new (LX_TYPE_APPEAL_LIST, "store", store, NULL);
}

/**
 * lx_appeal_list_reload:
 *
 * Runs the query again and announces the change as one items-changed.
 */
gboolean
lx_appeal_list_reload (LxAppealList  *self,
                          GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  guint old_len;

  g_return_val_if_fail (LX_IS_APPEAL_LIST (self), FALSE);

  g_free (self->today);
  self->today = lx_date_today ();

  ids = lx_appeal_repo_query_ids (self->store, &self->filter, self->today, error);
  if (ids == NULL)
    return FALSE;

  old_len = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (self->cache);

  if (old_len > 0 || self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
  return TRUE;
}

void
lx_appeal_list_set_filter (LxAppealList         *self,
                              const LxAppealFilter *filter)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LX_IS_APPEAL_LIST (self));
  g_return_if_fail (filter != NULL);

  lx_appeal_filter_copy (&self->filter, filter);

  if (!lx_appeal_list_reload (self, &error))
    g_warning ("Cannot filter appeals: %s", error->message);
}

const LxAppealFilter *
lx_appeal_list_get_filter (LxAppealList *self)
{
  g_return_val_if_fail (LX_IS_APPEAL_LIST (self), NULL);
  return &self->filter;
}

guint
lx_appeal_list_find (LxAppealList *self,
                        gint64           id)
{
  g_return_val_if_fail (LX_IS_APPEAL_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

gint64
lx_appeal_list_get_id (LxAppealList *self,
                          guint            position)
{
  g_return_val_if_fail (LX_IS_APPEAL_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);
  return g_array_index (self->ids, gint64, position);
}
