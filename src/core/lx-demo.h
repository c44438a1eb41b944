/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lx-store.h"

G_BEGIN_DECLS

/* Reports how far a long operation has come, from 0.0 to 1.0. Called on the
 * thread that runs the operation. */
typedef void (*LxProgressFunc) (double   fraction,
                                gpointer user_data);

#define LX_DEMO_DEFAULT_SEED       1
#define LX_DEMO_DEFAULT_HOUSEHOLDS 800

typedef struct
{
  guint32     seed;        /* the same seed gives the same data */
  guint       households;  /* 0: LX_DEMO_DEFAULT_HOUSEHOLDS */
  const char *today;       /* ISO date; NULL: lx_date_today () */
} LxDemoOptions;

void     lx_demo_options_init (LxDemoOptions  *opts);

gboolean lx_demo_generate     (LxStore             *store,
                               const LxDemoOptions *opts,
                               LxProgressFunc       progress,
                               gpointer             user_data,
                               GCancellable        *cancellable,
                               GError             **error);

G_END_DECLS
