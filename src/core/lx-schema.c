/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-schema"

#include "config.h"

#include <gio/gio.h>

#include "lx-core-resources.h"
#include "lx-schema.h"

/* The migration ladder: step N brings a database from version N-1 to N.
 * Steps are never edited once released; a change is a new step. */
static const char * const steps[] = {
  NULL,
  "001-initial.sql",
};

int
lx_schema_latest_version (void)
{
  return G_N_ELEMENTS (steps) - 1;
}

char *
lx_schema_load_step (int      version,
                     GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (version >= 1 && version <= lx_schema_latest_version (), NULL);

  path = g_strdup_printf ("/io/github/lianxin/Lianxin/core/schema/%s", steps[version]);
  /* Looked up in our own resource: a constructor in a static library may
   * never run when nothing else references its object file. */
  bytes = g_resource_lookup_data (lx_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
