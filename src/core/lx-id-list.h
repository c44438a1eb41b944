/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_ID_LIST (lx_id_list_get_type ())
G_DECLARE_DERIVABLE_TYPE (LxIdList, lx_id_list, LX, ID_LIST, GObject)

/**
 * LxIdListClass:
 * @item_type: the type of the row objects
 * @query_ids: runs the list's query (search, filters, order) in SQL and
 *   returns the row ids as a #GArray of gint64
 * @load_item: builds the row object of one id
 * @placeholder: a stand-in for a row that vanished under the list
 *
 * The base of the SQL-backed list models: it holds only row ids, builds a
 * row object when a view asks for it, keeps rows in view in a small cache,
 * and reloads (one items-changed) after every committed change.
 */
struct _LxIdListClass
{
  GObjectClass parent_class;

  GType      item_type;
  GArray   *(*query_ids)   (LxIdList    *self,
                            const char  *today,
                            GError     **error);
  gpointer  (*load_item)   (LxIdList    *self,
                            gint64       id,
                            GError     **error);
  gpointer  (*placeholder) (LxIdList    *self,
                            gint64       id);
};

LxStore  *lx_id_list_get_store  (LxIdList  *self);
gboolean  lx_id_list_reload     (LxIdList  *self,
                                 GError   **error);
guint     lx_id_list_find       (LxIdList  *self,
                                 gint64     id);
gint64    lx_id_list_get_id     (LxIdList  *self,
                                 guint      position);

G_END_DECLS
