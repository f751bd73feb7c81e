/* oc3-schedule-builder-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-conference-private.h"
#include "oc3-day-private.h"
#include "oc3-person-private.h"
#include "oc3-room-private.h"
#include "oc3-talk-private.h"
#include "oc3-track-private.h"

G_BEGIN_DECLS

/*
 * What the schedule readers (oc3-schedule-json.c, oc3-schedule-xml.c) share:
 * the model under construction, the path their messages name, and the
 * reading of times, zones, URLs, tracks, rooms, people and days. Both formats
 * go through these, so the same program gives the same model either way.
 */

typedef enum {
  /* schedule.conference.days[2].rooms["Hall 1"][4].date */
  OC3_SCHEDULE_PATH_JSON,
  /* schedule/day[3]/room[@name="Hall 1"]/event[5]/date */
  OC3_SCHEDULE_PATH_XML,
} Oc3SchedulePathStyle;

typedef struct {
  /* JSON: a member name, or NULL for an array index. XML: an element's
   * name, or an attribute's as "@name". */
  const char *key;
  /* JSON: the array index. XML: the element's position among the siblings
   * of its name, from 1; 0 leaves it out. */
  guint       index;
  /* XML: the name attribute that tells the element apart (a room's). */
  const char *name;
} Oc3SchedulePathSegment;

typedef struct {
  gint64 unix_time;
  int    offset;
} Oc3ScheduleTimeSample;

typedef struct {
  /* The reader's own parsed document; the shared code never looks at it. */
  gconstpointer           doc;
  GCancellable           *cancellable;
  GError                **error;
  GPtrArray              *warnings;

  /* The schedule's shape bounds how deep the readers go. */
  Oc3SchedulePathStyle    path_style;
  Oc3SchedulePathSegment  path[16];
  guint                   path_len;

  GTimeZone              *tz;
  /* Where a schedule has no zone and no offsets: the caller's guess. */
  GTimeZone              *default_zone;
  char                   *base_url;
  const char * const     *languages;

  GPtrArray              *days;
  GPtrArray              *talks;
  GPtrArray              *rooms;
  GPtrArray              *tracks;
  GPtrArray              *persons;
  GHashTable             *talks_by_guid;
  GHashTable             *rooms_by_name;
  GHashTable             *rooms_by_guid;
  GHashTable             *tracks_by_name;
  /* A repeated guid to the next "#N" suffix to try. */
  GHashTable             *guid_suffixes;
  /* "g:GUID", "i:ID", "c:CODE" or "n:NAME" to the person. */
  GHashTable             *persons_by_key;
  /* Day to its GPtrArray of talks (no references held). */
  GHashTable             *day_talks;
  guint                   n_talks;
} Oc3ScheduleBuilder;

/* A speaker as a schedule lists them; every string may be NULL. */
typedef struct {
  char *name;
  char *id;
  char *guid;
  char *code;
  char *biography;
  char *affiliation;
  char *role;
} Oc3SchedulePerson;

/* A date and time as written, see oc3_schedule_parse_iso8601(). */
typedef struct {
  int      year;
  int      month;
  int      day;
  int      hour;
  int      minute;
  int      second;
  gboolean has_time;
  gboolean has_offset;
  int      offset;
} Oc3IsoTime;

void           oc3_schedule_builder_init          (Oc3ScheduleBuilder     *b,
                                                   Oc3SchedulePathStyle    path_style,
                                                   GTimeZone              *default_zone,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
void           oc3_schedule_builder_clear         (Oc3ScheduleBuilder     *b);
void           oc3_schedule_builder_finish        (Oc3ScheduleBuilder     *b,
                                                   Oc3Conference          *conference);

/* The path messages name: each reader pushes a segment as it goes in. */
static inline void
oc3_schedule_builder_push (Oc3ScheduleBuilder *b,
                           const char         *key,
                           guint               index,
                           const char         *name)
{
  g_assert (b->path_len < G_N_ELEMENTS (b->path));
  b->path[b->path_len++] = (Oc3SchedulePathSegment) { key, index, name };
}

static inline void
oc3_schedule_builder_pop (Oc3ScheduleBuilder *b)
{
  g_assert (b->path_len > 0);
  b->path_len--;
}

char          *oc3_schedule_builder_format_path   (Oc3ScheduleBuilder     *b);
void           oc3_schedule_builder_warn          (Oc3ScheduleBuilder     *b,
                                                   const char             *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
gboolean       oc3_schedule_builder_fail          (Oc3ScheduleBuilder     *b,
                                                   int                     code,
                                                   const char             *format,
                                                   ...) G_GNUC_PRINTF (3, 4);
gboolean       oc3_schedule_builder_fail_value    (Oc3ScheduleBuilder     *b,
                                                   const char             *what,
                                                   const char             *text);
gboolean       oc3_schedule_builder_cancelled     (Oc3ScheduleBuilder     *b);
char          *oc3_schedule_quote                 (const char             *text);

void           oc3_schedule_builder_set_base_url  (Oc3ScheduleBuilder     *b,
                                                   char                   *base_url);
char          *oc3_schedule_builder_resolve_url   (Oc3ScheduleBuilder     *b,
                                                   char                   *url);

gboolean       oc3_schedule_parse_iso8601         (const char             *text,
                                                   Oc3IsoTime             *out);
gint64         oc3_iso_time_to_unix               (const Oc3IsoTime       *t);
GDateTime     *oc3_schedule_builder_date_time     (Oc3ScheduleBuilder     *b,
                                                   const Oc3IsoTime       *t);
GDateTime     *oc3_schedule_builder_local_midnight (Oc3ScheduleBuilder    *b,
                                                   int                     year,
                                                   int                     month,
                                                   int                     day);
GDateTime     *oc3_schedule_builder_start_on_day  (Oc3ScheduleBuilder     *b,
                                                   int                     year,
                                                   int                     month,
                                                   int                     day,
                                                   const char             *start,
                                                   int                    *minute_of_day);
gboolean       oc3_schedule_parse_clock_time      (const char             *text,
                                                   int                    *hour,
                                                   int                    *minute);
GDateTime     *oc3_schedule_builder_bound         (Oc3ScheduleBuilder     *b,
                                                   const char             *text,
                                                   gboolean                is_end);
void           oc3_schedule_builder_choose_zone   (Oc3ScheduleBuilder     *b,
                                                   const char             *name,
                                                   const GArray           *samples);

gboolean       oc3_schedule_parse_color           (const char             *text,
                                                   char                   *out);
Oc3Track      *oc3_schedule_builder_add_track     (Oc3ScheduleBuilder     *b,
                                                   const char             *name,
                                                   const char             *color);
Oc3Room       *oc3_schedule_builder_add_room      (Oc3ScheduleBuilder     *b,
                                                   const char             *name);
Oc3Person     *oc3_schedule_builder_add_person    (Oc3ScheduleBuilder     *b,
                                                   Oc3SchedulePerson      *entry);
void           oc3_schedule_builder_add_talk      (Oc3ScheduleBuilder     *b,
                                                   Oc3Talk                *talk,
                                                   const char             *guid,
                                                   GPtrArray              *day_talks);
void           oc3_schedule_builder_add_day       (Oc3ScheduleBuilder     *b,
                                                   Oc3Day                 *day,
                                                   GPtrArray              *talks,
                                                   int                     year,
                                                   int                     month,
                                                   int                     mday,
                                                   GDateTime              *day_end,
                                                   const char             *date_key);

G_END_DECLS
