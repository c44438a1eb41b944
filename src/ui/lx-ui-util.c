/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-ui-util"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-ui-util.h"

/* A date as a reader of the interface language writes it: 2026年3月5日. */
char *
lx_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup ("");

  tz = g_time_zone_new_local ();
  dt = g_date_time_new (tz, y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);

  /* Translators: a date, in strftime format; zh_CN: "%Y年%-m月%-d日" */
  return g_date_time_format (dt, _("%b %-d, %Y"));
}

const char *
lx_visit_status_label (LxVisitStatus status)
{
  switch (status)
    {
    case LX_VISIT_STATUS_VISITED:
      return _("Visited");
    case LX_VISIT_STATUS_DUE_SOON:
      return _("Due soon");
    case LX_VISIT_STATUS_OVERDUE:
      return _("Overdue");
    case LX_VISIT_STATUS_NEVER:
      return _("Never visited");
    case LX_VISIT_STATUS_ANY:
    default:
      return _("All");
    }
}

const char *
lx_visit_status_css (LxVisitStatus status)
{
  switch (status)
    {
    case LX_VISIT_STATUS_VISITED:
      return "status-visited";
    case LX_VISIT_STATUS_DUE_SOON:
      return "status-due";
    case LX_VISIT_STATUS_OVERDUE:
      return "status-overdue";
    case LX_VISIT_STATUS_NEVER:
    case LX_VISIT_STATUS_ANY:
    default:
      return "status-never";
    }
}

void
lx_label_set_status (GtkLabel      *label,
                     LxVisitStatus  status)
{
  static const char *all[] = { "status-visited", "status-due", "status-overdue", "status-never" };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), all[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), lx_visit_status_css (status));
  gtk_label_set_label (label, lx_visit_status_label (status));
}
