/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-map-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lx-map-canvas.h"
#include "lx-repo.h"
#include "lx-ui-util.h"

/* From a 20,000-household unit on one screen to room numbers at a glance. */
static const double zoom_levels[] = { 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.65, 0.8,
                                      1.0, 1.25, 1.6, 2.0, 2.5, 3.2, 4.0 };
#define DEFAULT_ZOOM_INDEX 11
#define DRAG_THRESHOLD 4.0

struct _LxMapCanvas
{
  GtkWidget    parent_instance;

  LxStore     *store;
  LxMap       *map;
  LxMapCache  *cache;
  int          zoom_index;
  double       scroll_x, scroll_y;   /* device pixels of the zoomed map at the top-left */
  gint64       hover_id;
  gint64       selected_id;

  /* a drag: panning, or moving a building by its name */
  double       drag_scroll_x, drag_scroll_y;
  gint64       drag_building;
  double       drag_dx, drag_dy;
  gboolean     dragging;
  gboolean     fitted;      /* zoomed to fit once, when first shown */
  double       pointer_x, pointer_y;   /* the last motion, widget coordinates */
  double       pinch_zoom;  /* the zoom when a two-finger pinch began */
  guint        notify_id;
};

G_DEFINE_FINAL_TYPE (LxMapCanvas, lx_map_canvas, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_ZOOM, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { ACTIVATE_HOUSEHOLD, CONTEXT_MENU, SITE_MENU, SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static double
zoom (LxMapCanvas *self)
{
  return zoom_levels[self->zoom_index];
}

static void
to_map (LxMapCanvas *self,
        double       wx,
        double       wy,
        double      *mx,
        double      *my)
{
  *mx = (wx + self->scroll_x) / zoom (self);
  *my = (wy + self->scroll_y) / zoom (self);
}

/* Keeps some of the map in the window, whatever the pan. */
static void
clamp_scroll (LxMapCanvas *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double mw = self->map ? self->map->bounds.width * zoom (self) : 0;
  double mh = self->map ? self->map->bounds.height * zoom (self) : 0;

  self->scroll_x = round (CLAMP (self->scroll_x, -w + 60, MAX (-w + 60, mw - 60)));
  self->scroll_y = round (CLAMP (self->scroll_y, -h + 60, MAX (-h + 60, mh - 60)));
}

static void
lx_map_canvas_scroll_to (LxMapCanvas *self,
                         double       x,
                         double       y)
{
  self->scroll_x = x;
  self->scroll_y = y;
  clamp_scroll (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing ------------------------------------------------------------------- */

static void
stroke_cell (LxMapCanvas *self,
             cairo_t     *cr,
             gint64       id,
             double       width,
             double       r,
             double       g,
             double       b)
{
  LxMapRect rect;

  if (id <= 0 || !lx_map_cell_rect (self->map, id, &rect))
    return;
  cairo_rectangle (cr, rect.x * zoom (self) - self->scroll_x - 1, rect.y * zoom (self) - self->scroll_y - 1,
                   rect.width * zoom (self) + 2, rect.height * zoom (self) + 2);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
draw_overlay (LxMapCanvas *self,
              cairo_t     *cr,
              int          width,
              int          height)
{
  double legend_w = MIN (width - 16, 760) - 12;
  double legend_h;

  LxMapBuilding *b = self->dragging && self->drag_building > 0
                       ? lx_map_get_building (self->map, self->drag_building) : NULL;

  if (b != NULL)   /* NULL too when the map was reloaded during the drag */
    {
      double dashes[] = { 6, 4 };

      cairo_rectangle (cr, (b->rect.x + self->drag_dx) * zoom (self) - self->scroll_x,
                       (b->rect.y + self->drag_dy) * zoom (self) - self->scroll_y,
                       b->rect.width * zoom (self), b->rect.height * zoom (self));
      cairo_set_source_rgba (cr, 0.1, 0.3, 0.8, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_source_rgb (cr, 0.1, 0.3, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  stroke_cell (self, cr, self->hover_id, 2, 0.1, 0.1, 0.1);
  if (gtk_widget_has_focus (GTK_WIDGET (self)) || self->selected_id != self->hover_id)
    stroke_cell (self, cr, self->selected_id, 3, 0.0, 0.45, 0.70);

  /* The legend stays in the window's corner at every zoom. */
  if (legend_w < 100)
    return;
  legend_h = lx_map_legend_height (cr, legend_w);
  cairo_save (cr);
  cairo_rectangle (cr, 8, height - 8 - legend_h - 8, legend_w + 12, legend_h + 8);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill (cr);
  lx_map_draw_legend (cr, 14, height - 8 - legend_h - 4, legend_w);
  cairo_restore (cr);
}

static void
lx_map_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LxMapCanvas *self = LX_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->map == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  lx_map_cache_paint (self->cache, self->map, cr, zoom (self), gtk_widget_get_scale_factor (widget),
                      self->scroll_x, self->scroll_y, width, height);
  draw_overlay (self, cr, width, height);
  cairo_destroy (cr);
}

static gboolean
notify_zoom_idle (gpointer data)
{
  LxMapCanvas *self = data;

  self->notify_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  return G_SOURCE_REMOVE;
}

/* Listeners relabel widgets; the first fit happens in size_allocate, where
 * a relabel would leave the toolbar without an allocation (GTK 4.8 warns
 * "snapshot … without a current allocation" and skips drawing it). */
static void
notify_zoom (LxMapCanvas *self)
{
  if (self->notify_id == 0)
    self->notify_id = g_idle_add (notify_zoom_idle, self);
}

/* Selection and description ---------------------------------------------------- */

static char *
describe_cell (LxMapCanvas *self,
               gint64       id)
{
  LxMapCell *c = self->map ? lx_map_get_cell (self->map, id) : NULL;
  LxMapBuilding *b;

  if (c == NULL)
    return NULL;
  b = lx_map_get_building (self->map, c->building_id);
  /* Translators: building, entrance number, room, head of household, visit status */
  return g_strdup_printf (_("%s, entrance %d, room %s: %s, %s"), b->name, c->entrance,
                          c->room ? c->room : "—", c->head_name, lx_map_status_label (c->status));
}

static void
set_selected (LxMapCanvas *self,
              gint64       id)
{
  g_autofree char *description = NULL;

  if (self->selected_id == id)
    return;
  self->selected_id = id;
  description = describe_cell (self, id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("No household selected"), -1);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0, id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scroll_into_view (LxMapCanvas     *self,
                  const LxMapRect *r,
                  gboolean         centre)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double x = r->x * zoom (self), y = r->y * zoom (self);

  if (w <= 0 || h <= 0)
    w = h = 400;
  if (centre || x < self->scroll_x + 20 || x + r->width * zoom (self) > self->scroll_x + w - 20 ||
      y < self->scroll_y + 20 || y + r->height * zoom (self) > self->scroll_y + h - 60)
    lx_map_canvas_scroll_to (self, x - w / 2, y - h / 2);
}

void
lx_map_canvas_select (LxMapCanvas *self,
                      gint64       household_id)
{
  LxMapRect r;

  g_return_if_fail (LX_IS_MAP_CANVAS (self));
  if (self->map == NULL || !lx_map_cell_rect (self->map, household_id, &r))
    return;
  set_selected (self, household_id);
  /* Found from the side list: near enough to read its room number. */
  if (zoom (self) < 1.0)
    {
      self->zoom_index = DEFAULT_ZOOM_INDEX;
      notify_zoom (self);
      scroll_into_view (self, &r, TRUE);
    }
  else
    scroll_into_view (self, &r, FALSE);
}

gint64
lx_map_canvas_get_selected (LxMapCanvas *self)
{
  g_return_val_if_fail (LX_IS_MAP_CANVAS (self), 0);
  return self->selected_id;
}

/* Zoom -------------------------------------------------------------------- */

static void
set_zoom_index (LxMapCanvas *self,
                int          index,
                double       wx,
                double       wy)
{
  double mx, my;

  index = CLAMP (index, 0, (int)G_N_ELEMENTS (zoom_levels) - 1);
  if (index == self->zoom_index)
    return;
  /* The point under the pointer stays put. */
  to_map (self, wx, wy, &mx, &my);
  self->zoom_index = index;
  self->scroll_x = mx * zoom (self) - wx;
  self->scroll_y = my * zoom (self) - wy;
  clamp_scroll (self);
  notify_zoom (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A touchpad or touchscreen pinch moves to the zoom level nearest to the
 * zoom at its start times the gesture's scale, around the fingers' centre. */
static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                LxMapCanvas      *self)
{
  self->pinch_zoom = zoom (self);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        LxMapCanvas    *self)
{
  double target = self->pinch_zoom * scale;
  double cx, cy;
  int best = 0;

  for (int i = 1; i < (int)G_N_ELEMENTS (zoom_levels); i++)
    if (fabs (log (zoom_levels[i] / target)) < fabs (log (zoom_levels[best] / target)))
      best = i;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    {
      cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  set_zoom_index (self, best, cx, cy);
}

void
lx_map_canvas_zoom_step (LxMapCanvas *self,
                         int          steps)
{
  g_return_if_fail (LX_IS_MAP_CANVAS (self));
  set_zoom_index (self, self->zoom_index + steps, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                  gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
lx_map_canvas_zoom_fit (LxMapCanvas *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self)) - 64;   /* above the legend */
  int index = 0;

  g_return_if_fail (LX_IS_MAP_CANVAS (self));
  if (self->map == NULL || self->map->bounds.width <= 0 || w <= 0 || h <= 0)
    return;
  for (int i = 0; i < (int)G_N_ELEMENTS (zoom_levels); i++)
    if (self->map->bounds.width * zoom_levels[i] <= w - 16 && self->map->bounds.height * zoom_levels[i] <= h - 16)
      index = i;
  self->zoom_index = index;
  self->scroll_x = -8;
  self->scroll_y = -8;
  notify_zoom (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
lx_map_canvas_get_zoom (LxMapCanvas *self)
{
  g_return_val_if_fail (LX_IS_MAP_CANVAS (self), 1.0);
  return zoom (self);
}

/* Input --------------------------------------------------------------------- */

static gint64
household_at (LxMapCanvas *self,
              double       wx,
              double       wy)
{
  double mx, my;
  gint64 id = 0;

  if (self->map == NULL)
    return 0;
  to_map (self, wx, wy, &mx, &my);
  lx_map_hit (self->map, mx, my, &id, NULL);
  return id;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           LxMapCanvas              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      /* Around the pointer: the event's position is the surface's, the
       * last motion is the widget's own. */
      set_zoom_index (self, self->zoom_index + (dy < 0 ? 1 : dy > 0 ? -1 : 0),
                      self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    lx_map_canvas_scroll_to (self, self->scroll_x + dy * 40, self->scroll_y + dx * 40);
  else
    lx_map_canvas_scroll_to (self, self->scroll_x + dx * 40, self->scroll_y + dy * 40);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LxMapCanvas              *self)
{
  gint64 id = household_at (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  if (id != self->hover_id)
    {
      self->hover_id = id;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          LxMapCanvas              *self)
{
  self->hover_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               LxMapCanvas    *self)
{
  double mx, my;

  self->drag_scroll_x = self->scroll_x;
  self->drag_scroll_y = self->scroll_y;
  self->drag_building = 0;
  self->drag_dx = self->drag_dy = 0;
  self->dragging = FALSE;
  to_map (self, x, y, &mx, &my);
  if (self->map != NULL)
    lx_map_hit_header (self->map, mx, my, &self->drag_building);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                LxMapCanvas    *self)
{
  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  self->dragging = TRUE;
  if (self->drag_building > 0)
    {
      self->drag_dx = dx / zoom (self);
      self->drag_dy = dy / zoom (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    lx_map_canvas_scroll_to (self, self->drag_scroll_x - dx, self->drag_scroll_y - dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             LxMapCanvas    *self)
{
  g_autoptr(GError) error = NULL;
  LxMapBuilding *b;

  if (!self->dragging || self->drag_building <= 0 || self->store == NULL)
    {
      self->dragging = FALSE;
      return;
    }
  self->dragging = FALSE;
  b = lx_map_get_building (self->map, self->drag_building);
  if (b != NULL &&
      !lx_map_save_building_position (self->store, self->map, b->id, b->rect.x + self->drag_dx,
                                      b->rect.y + self->drag_dy, &error))
    g_warning ("Cannot move the building: %s", error->message);
  lx_map_cache_invalidate (self->cache);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          LxMapCanvas     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  gint64 id = household_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* Right-click on a site's ground, not a household: its site plan menu. */
  if (id <= 0 && button == GDK_BUTTON_SECONDARY && self->map != NULL)
    {
      double mx, my;
      gint64 site_id;

      to_map (self, x, y, &mx, &my);
      if ((site_id = lx_map_site_at (self->map, mx, my)) > 0)
        g_signal_emit (self, signals[SITE_MENU], 0, site_id, x, y);
      return;
    }
  if (id <= 0 || button == GDK_BUTTON_MIDDLE)
    return;
  set_selected (self, id);
  if (button == GDK_BUTTON_SECONDARY)
    g_signal_emit (self, signals[CONTEXT_MENU], 0, id, x, y);
  else
    g_signal_emit (self, signals[ACTIVATE_HOUSEHOLD], 0, id);
}

static gboolean
on_query_tooltip (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  LxMapCanvas *self)
{
  gint64 id = keyboard ? self->selected_id : household_at (self, x, y);
  LxMapCell *c = id > 0 ? lx_map_get_cell (self->map, id) : NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *escaped_body = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *markup = NULL;

  if (c == NULL)
    return FALSE;
  body = g_string_new (NULL);
  g_string_append_printf (body, _("Last visit: %s"), c->last_visit_on ? c->last_visit_on : _("never"));
  g_string_append_printf (body, " (%s)", lx_map_status_label (c->status));
  if (c->need_tags != NULL)
    {
      g_auto(GStrv) tags = g_strsplit (c->need_tags, ",", -1);
      g_autofree char *needs = lx_need_tags_join_labels ((const char * const *)tags);

      g_string_append_c (body, '\n');
      g_string_append_printf (body, _("Needs: %s"), needs);
    }
  if (c->paired_member != NULL)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, _("Paired with %s"), c->paired_member);
    }
  /* Names come from the registry: escaped for Pango markup. */
  escaped_name = g_markup_printf_escaped ("<b>%s</b>  %s", c->head_name, c->room ? c->room : "");
  escaped_body = g_markup_escape_text (body->str, -1);
  markup = g_strconcat (escaped_name, "\n", escaped_body, NULL);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* The keyboard cell cursor: Left/Right walk the households in map order,
 * Up/Down go a floor up or down in the same column. */
static LxMapCell *
cell_in_direction (LxMapCanvas *self,
                   LxMapCell   *from,
                   int          dx,
                   int          dy)
{
  LxMapBuilding *b = lx_map_get_building (self->map, from->building_id);

  if (dy != 0)
    {
      for (guint i = 0; i < b->cells->len; i++)
        {
          LxMapCell *c = &g_array_index (b->cells, LxMapCell, i);
          if (c->entrance == from->entrance && c->slot == from->slot && c->floor == from->floor - dy)
            return c;
        }
      return NULL;
    }
  for (guint s = 0; s < self->map->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->map->sites, s);

      for (guint i = 0; i < site->buildings->len; i++)
        {
          LxMapBuilding *bb = g_ptr_array_index (site->buildings, i);
          LxMapCell *first = bb->cells->len ? &g_array_index (bb->cells, LxMapCell, 0) : NULL;

          if (first == NULL || from < first || from >= first + bb->cells->len)
            continue;
          if (dx > 0 && from + 1 < first + bb->cells->len)
            return from + 1;
          if (dx < 0 && from > first)
            return from - 1;
          return NULL;
        }
    }
  return NULL;
}

static LxMapCell *
first_cell (LxMapCanvas *self)
{
  for (guint s = 0; s < self->map->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->map->sites, s);

      for (guint i = 0; i < site->buildings->len; i++)
        {
          LxMapBuilding *b = g_ptr_array_index (site->buildings, i);
          if (b->cells->len > 0)
            return &g_array_index (b->cells, LxMapCell, 0);
        }
    }
  return NULL;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LxMapCanvas           *self)
{
  LxMapCell *cur = self->map && self->selected_id ? lx_map_get_cell (self->map, self->selected_id) : NULL;
  LxMapCell *next = NULL;
  int dx = 0, dy = 0;

  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      lx_map_canvas_zoom_step (self, 1);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      lx_map_canvas_zoom_step (self, -1);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space:
      if (cur != NULL)
        g_signal_emit (self, signals[ACTIVATE_HOUSEHOLD], 0, cur->household_id);
      return cur != NULL;
    case GDK_KEY_Menu:
      if (cur != NULL)
        g_signal_emit (self, signals[CONTEXT_MENU], 0, cur->household_id,
                       gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      return cur != NULL;
    case GDK_KEY_Left: dx = -1; break;
    case GDK_KEY_Right: dx = 1; break;
    case GDK_KEY_Up: dy = -1; break;
    case GDK_KEY_Down: dy = 1; break;
    default:
      return FALSE;
    }
  if (self->map == NULL)
    return FALSE;
  next = cur != NULL ? cell_in_direction (self, cur, dx, dy) : first_cell (self);
  if (next != NULL)
    lx_map_canvas_select (self, next->household_id);
  return TRUE;
}

/* Public ---------------------------------------------------------------------- */

GtkWidget *
lx_map_canvas_new (void)
{
  return g_object_new (LX_TYPE_MAP_CANVAS, NULL);
}

void
lx_map_canvas_set_store (LxMapCanvas *self,
                         LxStore     *store)
{
  g_return_if_fail (LX_IS_MAP_CANVAS (self));
  g_set_object (&self->store, store);
}

/* A new map (a reload after a change, a filter, another year) keeps the
 * zoom, the pan and the selected household when it is still there. */
void
lx_map_canvas_set_map (LxMapCanvas *self,
                       LxMap       *map)
{
  g_return_if_fail (LX_IS_MAP_CANVAS (self));
  lx_map_cache_invalidate (self->cache);
  g_clear_pointer (&self->map, lx_map_unref);
  self->map = map ? lx_map_ref (map) : NULL;
  self->hover_id = 0;
  if (self->map == NULL || lx_map_get_cell (self->map, self->selected_id) == NULL)
    set_selected (self, 0);
  if (!self->fitted && self->map != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      self->fitted = TRUE;
      lx_map_canvas_zoom_fit (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LxMap *
lx_map_canvas_get_map (LxMapCanvas *self)
{
  g_return_val_if_fail (LX_IS_MAP_CANVAS (self), NULL);
  return self->map;
}

void
lx_map_canvas_redraw (LxMapCanvas *self)
{
  g_return_if_fail (LX_IS_MAP_CANVAS (self));
  lx_map_cache_invalidate (self->cache);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject ---------------------------------------------------------------------- */

static void
lx_map_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LxMapCanvas *self = LX_MAP_CANVAS (widget);

  if (!self->fitted && self->map != NULL && width > 0 && height > 0)
    {
      self->fitted = TRUE;
      lx_map_canvas_zoom_fit (self);
    }
}

static void
lx_map_canvas_dispose (GObject *object)
{
  LxMapCanvas *self = LX_MAP_CANVAS (object);

  g_clear_handle_id (&self->notify_id, g_source_remove);
  g_clear_pointer (&self->map, lx_map_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lx_map_canvas_parent_class)->dispose (object);
}

static void
lx_map_canvas_finalize (GObject *object)
{
  lx_map_cache_free (LX_MAP_CANVAS (object)->cache);
  G_OBJECT_CLASS (lx_map_canvas_parent_class)->finalize (object);
}

static void
lx_map_canvas_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, zoom (LX_MAP_CANVAS (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_map_canvas_class_init (LxMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_map_canvas_dispose;
  object_class->finalize = lx_map_canvas_finalize;
  object_class->get_property = lx_map_canvas_get_property;
  widget_class->snapshot = lx_map_canvas_snapshot;
  widget_class->size_allocate = lx_map_canvas_size_allocate;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0, 100, 1, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE_HOUSEHOLD] =
    g_signal_new ("activate-household", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CONTEXT_MENU] =
    g_signal_new ("context-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /* site id, then x, y in widget coordinates */
  signals[SITE_MENU] =
    g_signal_new ("site-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "lx-map-canvas");
}

static void
lx_map_canvas_init (LxMapCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();

  self->cache = lx_map_cache_new ();
  self->zoom_index = DEFAULT_ZOOM_INDEX;
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contact map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No household selected"), -1);

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "released", G_CALLBACK (on_click), self);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  gtk_widget_add_controller (widget, scroll);
  gtk_widget_add_controller (widget, motion);
  gtk_widget_add_controller (widget, key);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
}
