/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-records.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* The contact map (串百家门) as data: sites → buildings → cells, one cell
 * per household on a building's grid, placed in "map units" (a point in a
 * PDF, a pixel on screen at zoom 1). The geometry lives here, with no
 * drawing, so that drawing, hit-testing and tests share it. */

/* Sizes in map units. */
#define LX_MAP_CELL_W          36.0
#define LX_MAP_CELL_H          18.0
#define LX_MAP_ENTRANCE_GAP     6.0
#define LX_MAP_BUILDING_PAD     6.0
#define LX_MAP_BUILDING_HEADER 22.0   /* the building's name, above its grid */
#define LX_MAP_BUILDING_FOOTER 16.0   /* entrance labels, below the grid */
#define LX_MAP_BUILDING_GAP    24.0   /* between auto-placed buildings */
#define LX_MAP_SITE_PAD        16.0
#define LX_MAP_SITE_HEADER     30.0   /* the site's name */
#define LX_MAP_SITE_GAP        40.0

typedef struct
{
  double x, y, width, height;
} LxMapRect;

typedef struct
{
  double red, green, blue;
} LxMapColour;

typedef struct
{
  gint64         household_id;
  gint64         building_id;
  char          *head_name;
  char          *room;           /* the label in the cell */
  int            entrance;       /* 1-based */
  int            floor;          /* 1-based */
  int            slot;           /* 0-based room position on its floor */
  LxVisitStatus  status;         /* never ANY */
  gboolean       needy;
  gboolean       visited_in_year;
  char          *last_visit_on;  /* NULL: never */
  char          *need_tags;      /* codes, comma-separated; NULL: none */
  gint64         zone_id;        /* the household's, else its building's */
  gint64         paired_member_id;
  char          *paired_member;  /* NULL: not paired */
  gboolean       dimmed;         /* filtered out: drawn faded */
} LxMapCell;

typedef struct
{
  gint64       id;
  gint64       site_id;
  char        *name;
  int          entrances;        /* the grid, grown to fit every household */
  int          floors;
  int          rooms_per_floor;
  gint64       zone_id;          /* 0: none */
  gboolean     has_zone_colour;
  LxMapColour  zone_colour;
  gboolean     placed;           /* has a stored position */
  double       local_x, local_y; /* in its site's content area, map units */
  LxMapRect    rect;             /* absolute, in map units */
  GArray      *cells;            /* LxMapCell */
} LxMapBuilding;

typedef struct
{
  gint64      id;
  char       *name;
  double      scale_x, scale_y;  /* stored plan units → map units */
  LxMapRect   rect;              /* absolute */
  GPtrArray  *buildings;         /* LxMapBuilding */
  GBytes     *plan_image;        /* the site plan (PNG/JPEG); NULL: none */
  /* The drawing's decoded plan, made once (lx-map.c); core only frees it. */
  gpointer        plan_surface;
  GDestroyNotify  plan_surface_free;
  gboolean        plan_failed;   /* the bytes would not decode: not retried */
} LxMapSite;

typedef struct
{
  gint64       zone_id;          /* 0: households without a zone */
  char        *name;
  LxMapColour  colour;
  int          households;
  int          visited;
} LxMapZoneCoverage;

typedef struct
{
  int        households;         /* on the map */
  int        visited;            /* with a home visit in the year */
  int        needy;
  int        needy_visited;
  int        by_status[LX_VISIT_STATUS_NEVER + 1];
  GArray    *zones;              /* LxMapZoneCoverage, by zone name; "no zone" last */
} LxMapCoverage;

typedef struct _LxMap LxMap;

struct _LxMap
{
  gatomicrefcount  ref_count;
  int              year;
  char            *as_of;        /* statuses are as of this day */
  GPtrArray       *sites;        /* LxMapSite */
  LxMapRect        bounds;       /* every site */
  GHashTable      *cells;        /* household id → LxMapCell * */
  GHashTable      *buildings;    /* building id → LxMapBuilding * */
  LxMapCoverage    coverage;
};

#define LX_TYPE_MAP (lx_map_get_type ())
GType          lx_map_get_type            (void) G_GNUC_CONST;

LxMap         *lx_map_load                (LxStore      *store,
                                           int           year,
                                           gint64        site_id,
                                           const char   *today,
                                           GError      **error);
LxMap         *lx_map_ref                 (LxMap        *self);
void           lx_map_unref               (LxMap        *self);

/* Places sites and buildings (again): stored positions scaled into map
 * units, the others in a tidy grid below them. lx_map_load() calls it. */
void           lx_map_layout              (LxMap        *self);
void           lx_map_building_grid_size  (int           entrances,
                                           int           floors,
                                           int           rooms_per_floor,
                                           double       *width,
                                           double       *height);
/* The rectangle of a household's cell, in map units; FALSE if not on the map. */
gboolean       lx_map_cell_rect           (LxMap        *self,
                                           gint64        household_id,
                                           LxMapRect    *out);
void           lx_map_building_cell_rect  (const LxMapBuilding *building,
                                           const LxMapCell     *cell,
                                           LxMapRect           *out);
LxMapCell     *lx_map_get_cell            (LxMap        *self,
                                           gint64        household_id);
LxMapBuilding *lx_map_get_building        (LxMap        *self,
                                           gint64        building_id);
/* What is at (@x, @y) in map units: a household's cell, else a building
 * (its header, frame or an empty slot). FALSE when nothing is there. */
gboolean       lx_map_hit                 (LxMap        *self,
                                           double        x,
                                           double        y,
                                           gint64       *out_household_id,
                                           gint64       *out_building_id);
/* TRUE when (@x, @y) is on the building's header: where a drag moves it. */
gboolean       lx_map_hit_header          (LxMap        *self,
                                           double        x,
                                           double        y,
                                           gint64       *out_building_id);

/* Moves a building to @x, @y (its top-left corner, absolute map units) and
 * stores the position: one transaction with a change_log line. */
gboolean       lx_map_save_building_position (LxStore   *store,
                                              LxMap     *map,
                                              gint64     building_id,
                                              double     x,
                                              double     y,
                                              GError   **error);

/* Filters: cells that do not match are dimmed. 0 / NULL: any. */
void           lx_map_apply_filter        (LxMap        *self,
                                           gint64        zone_id,
                                           gint64        member_id,
                                           const char   *need_tag);
/* Households whose head's name, pinyin or room matches @text (at most
 * @limit), in map order: for "find on map". */
GArray        *lx_map_find                (LxStore      *store,
                                           LxMap        *self,
                                           const char   *text,
                                           guint         limit,
                                           GError      **error);

/* lx-map-plan.c: a site plan image behind a site's buildings. */
#define LX_MAP_PLAN_MAX_BYTES (20 * 1024 * 1024)

/* "image/png", "image/jpeg", or NULL when @image is neither. */
const char    *lx_map_plan_type           (GBytes       *image);
/* Stores @image (NULL: removes the plan) as the site's plan: one
 * transaction with a change_log line. Refuses anything but PNG/JPEG. */
gboolean       lx_map_set_site_plan       (LxStore      *store,
                                           gint64        site_id,
                                           GBytes       *image,
                                           GError      **error);
/* The stored plan, or NULL (without an error) when the site has none. */
GBytes        *lx_map_get_site_plan       (LxStore      *store,
                                           gint64        site_id,
                                           GError      **error);
/* The site whose area holds (@x, @y), map units; 0: none. */
gint64         lx_map_site_at             (LxMap        *self,
                                           double        x,
                                           double        y);
LxMapSite     *lx_map_get_site            (LxMap        *self,
                                           gint64        site_id);
/* Fills each site's ->plan_image; lx_map_load() calls it. */
gboolean       lx_map_load_plans          (LxStore      *store,
                                           LxMap        *self,
                                           GError      **error);

gboolean       lx_map_colour_parse        (const char   *spec,
                                           LxMapColour  *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxMap, lx_map_unref)

G_END_DECLS
