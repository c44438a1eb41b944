/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lx-records.h"

G_BEGIN_DECLS

char       *lx_format_date          (const char    *iso);
const char *lx_visit_status_label   (LxVisitStatus  status);
const char *lx_visit_status_css     (LxVisitStatus  status);
void        lx_label_set_status     (GtkLabel      *label,
                                     LxVisitStatus  status);

G_END_DECLS
