/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-id-list"

#include "config.h"

#include "lx-date.h"
#include "lx-id-list.h"

#define CACHE_LIMIT 512

typedef struct
{
  LxStore    *store;
  GArray     *ids;
  GHashTable *cache;     /* id → row object */
  gulong      changed_id;
} LxIdListPrivate;

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (LxIdList, lx_id_list, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (LxIdList)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
lx_id_list_get_item_type (GListModel *model)
{
  return LX_ID_LIST_GET_CLASS (model)->item_type;
}

static guint
lx_id_list_get_n_items (GListModel *model)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (LX_ID_LIST (model));

  return priv->ids->len;
}

static gpointer
lx_id_list_get_item (GListModel *model,
                     guint       position)
{
  LxIdList *self = LX_ID_LIST (model);
  LxIdListPrivate *priv = lx_id_list_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gpointer item;
  gint64 id;

  if (position >= priv->ids->len)
    return NULL;

  id = g_array_index (priv->ids, gint64, position);
  item = g_hash_table_lookup (priv->cache, &id);
  if (item != NULL)
    return g_object_ref (item);

  item = LX_ID_LIST_GET_CLASS (self)->load_item (self, id, &error);
  if (item == NULL)
    {
      /* The row vanished under us (another connection deleted it): show a
       * placeholder rather than break the view's contract. */
      g_warning ("Cannot load row %" G_GINT64_FORMAT ": %s", id, error->message);
      return LX_ID_LIST_GET_CLASS (self)->placeholder (self, id);
    }

  if (g_hash_table_size (priv->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (priv->cache);
  g_hash_table_insert (priv->cache, g_memdup2 (&id, sizeof id), g_object_ref (item));
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lx_id_list_get_item_type;
  iface->get_n_items = lx_id_list_get_n_items;
  iface->get_item = lx_id_list_get_item;
}

static void
on_store_changed (LxStore    *store,
                  const char *table,
                  LxIdList   *self)
{
  g_autoptr(GError) error = NULL;

  if (!lx_id_list_reload (self, &error))
    g_warning ("Cannot reload the list: %s", error->message);
}

static void
lx_id_list_constructed (GObject *object)
{
  LxIdList *self = LX_ID_LIST (object);
  LxIdListPrivate *priv = lx_id_list_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (lx_id_list_parent_class)->constructed (object);

  /* Any committed change may change what a row shows. */
  priv->changed_id = g_signal_connect (priv->store, "changed", G_CALLBACK (on_store_changed), self);
  if (!lx_id_list_reload (self, &error))
    g_warning ("Cannot load the list: %s", error->message);
}

static void
lx_id_list_dispose (GObject *object)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (LX_ID_LIST (object));

  if (priv->changed_id != 0)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (lx_id_list_parent_class)->dispose (object);
}

static void
lx_id_list_finalize (GObject *object)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (LX_ID_LIST (object));

  g_clear_pointer (&priv->ids, g_array_unref);
  g_clear_pointer (&priv->cache, g_hash_table_unref);

  G_OBJECT_CLASS (lx_id_list_parent_class)->finalize (object);
}

static void
lx_id_list_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (LX_ID_LIST (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_id_list_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (LX_ID_LIST (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_id_list_class_init (LxIdListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lx_id_list_constructed;
  object_class->dispose = lx_id_list_dispose;
  object_class->finalize = lx_id_list_finalize;
  object_class->get_property = lx_id_list_get_property;
  object_class->set_property = lx_id_list_set_property;

  klass->item_type = G_TYPE_OBJECT;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lx_id_list_init (LxIdList *self)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (self);

  priv->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  priv->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

LxStore *
lx_id_list_get_store (LxIdList *self)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (self);

  g_return_val_if_fail (LX_IS_ID_LIST (self), NULL);
  return priv->store;
}

/**
 * lx_id_list_reload:
 *
 * Runs the query again and announces the change as one items-changed.
 */
gboolean
lx_id_list_reload (LxIdList  *self,
                   GError   **error)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (self);
  g_autofree char *today = NULL;
  g_autoptr(GArray) ids = NULL;
  guint old_len;

  g_return_val_if_fail (LX_IS_ID_LIST (self), FALSE);

  today = lx_date_today ();
  ids = LX_ID_LIST_GET_CLASS (self)->query_ids (self, today, error);
  if (ids == NULL)
    return FALSE;

  old_len = priv->ids->len;
  g_array_unref (priv->ids);
  priv->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (priv->cache);

  if (old_len > 0 || priv->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, priv->ids->len);
  return TRUE;
}

guint
lx_id_list_find (LxIdList *self,
                 gint64    id)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (self);

  g_return_val_if_fail (LX_IS_ID_LIST (self), G_MAXUINT);

  for (guint i = 0; i < priv->ids->len; i++)
    if (g_array_index (priv->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

gint64
lx_id_list_get_id (LxIdList *self,
                   guint     position)
{
  LxIdListPrivate *priv = lx_id_list_get_instance_private (self);

  g_return_val_if_fail (LX_IS_ID_LIST (self), 0);
  g_return_val_if_fail (position < priv->ids->len, 0);
  return g_array_index (priv->ids, gint64, position);
}
