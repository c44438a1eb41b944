/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-household-list"

#include "config.h"

#include "lx-date.h"
#include "lx-household-list.h"

/* A list model over the households table that holds only row ids: the query
 * (search, filters, order) runs in SQL, and a row object is built when a view
 * asks for it. Rows in view are kept in a small cache. */

#define CACHE_LIMIT 512

struct _LxHouseholdList
{
  GObject            parent_instance;

  LxStore           *store;
  GArray            *ids;
  GHashTable        *cache;     /* id → LxHousehold */
  LxHouseholdFilter  filter;
  char              *today;
  gulong             changed_id;
};

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GType
lx_household_list_get_item_type (GListModel *model)
{
  return LX_TYPE_HOUSEHOLD;
}

static guint
lx_household_list_get_n_items (GListModel *model)
{
  return LX_HOUSEHOLD_LIST (model)->ids->len;
}

static gpointer
lx_household_list_get_item (GListModel *model,
                            guint       position)
{
  LxHouseholdList *self = LX_HOUSEHOLD_LIST (model);
  g_autoptr(GError) error = NULL;
  LxHousehold *h;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  h = g_hash_table_lookup (self->cache, &id);
  if (h != NULL)
    return g_object_ref (h);

  h = lx_repo_get_household (self->store, id, &error);
  if (h == NULL)
    {
      /* The row vanished under us (another connection deleted it): show a
       * placeholder rather than break the view's contract. */
      g_warning ("Cannot load household %" G_GINT64_FORMAT ": %s", id, error->message);
      h = lx_household_new ();
      h->id = id;
      h->head_name = g_strdup ("");
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
  iface->get_item_type = lx_household_list_get_item_type;
  iface->get_n_items = lx_household_list_get_n_items;
  iface->get_item = lx_household_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (LxHouseholdList, lx_household_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
on_store_changed (LxStore         *store,
                  const char      *table,
                  LxHouseholdList *self)
{
  g_autoptr(GError) error = NULL;

  if (!lx_household_list_reload (self, &error))
    g_warning ("Cannot reload households: %s", error->message);
}

static void
lx_household_list_dispose (GObject *object)
{
  LxHouseholdList *self = (LxHouseholdList *)object;

  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lx_household_list_parent_class)->dispose (object);
}

static void
lx_household_list_finalize (GObject *object)
{
  LxHouseholdList *self = (LxHouseholdList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->today, g_free);
  lx_household_filter_clear (&self->filter);

  G_OBJECT_CLASS (lx_household_list_parent_class)->finalize (object);
}

static void
lx_household_list_constructed (GObject *object)
{
  LxHouseholdList *self = (LxHouseholdList *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (lx_household_list_parent_class)->constructed (object);

  /* Every table that changes what a household row shows. */
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed), self);
  if (!lx_household_list_reload (self, &error))
    g_warning ("Cannot load households: %s", error->message);
}

static void
lx_household_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LxHouseholdList *self = LX_HOUSEHOLD_LIST (object);

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
lx_household_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LxHouseholdList *self = LX_HOUSEHOLD_LIST (object);

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
lx_household_list_class_init (LxHouseholdListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lx_household_list_constructed;
  object_class->dispose = lx_household_list_dispose;
  object_class->finalize = lx_household_list_finalize;
  object_class->get_property = lx_household_list_get_property;
  object_class->set_property = lx_household_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lx_household_list_init (LxHouseholdList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

LxHouseholdList *
lx_household_list_new (LxStore *store)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  return g_object_new (LX_TYPE_HOUSEHOLD_LIST, "store", store, NULL);
}

/**
 * lx_household_list_reload:
 *
 * Runs the query again and announces the change as one items-changed.
 */
gboolean
lx_household_list_reload (LxHouseholdList  *self,
                          GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  guint old_len;

  g_return_val_if_fail (LX_IS_HOUSEHOLD_LIST (self), FALSE);

  g_free (self->today);
  self->today = lx_date_today ();

  ids = lx_repo_query_household_ids (self->store, &self->filter, self->today, error);
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
lx_household_list_set_filter (LxHouseholdList         *self,
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

  if (!lx_household_list_reload (self, &error))
    g_warning ("Cannot filter households: %s", error->message);
}

const LxHouseholdFilter *
lx_household_list_get_filter (LxHouseholdList *self)
{
  g_return_val_if_fail (LX_IS_HOUSEHOLD_LIST (self), NULL);
  return &self->filter;
}

guint
lx_household_list_find (LxHouseholdList *self,
                        gint64           id)
{
  g_return_val_if_fail (LX_IS_HOUSEHOLD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

gint64
lx_household_list_get_id (LxHouseholdList *self,
                          guint            position)
{
  g_return_val_if_fail (LX_IS_HOUSEHOLD_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);
  return g_array_index (self->ids, gint64, position);
}
