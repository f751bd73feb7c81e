/* oc3-conference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-conference-private.h"
#include "oc3-person-private.h"
#include "oc3-room-private.h"
#include "oc3-track-private.h"

/*
 * A conference: its program as parsed from a schedule, read-only once built,
 * so the UI and worker threads can share it without locks.
 *
 * Ownership: the conference holds its days, talks, rooms, tracks and people.
 * A talk holds its room, track and speakers; a room, track or person holds
 * its talks. Those are reference cycles, which the conference breaks when it
 * is disposed by emptying the rooms', tracks' and people's talk lists (with
 * items-changed, as GListModel asks). So anything kept beyond the conference
 * stays valid — a talk keeps its room and speakers — but a room or person
 * kept alone ends up with no talks. Drop the last reference to a conference
 * on the thread that shows its lists (the main thread).
 */

G_DEFINE_FINAL_TYPE (Oc3Conference, oc3_conference, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ACRONYM,
  PROP_TIME_ZONE,
  PROP_TIME_ZONE_IDENTIFIER,
  PROP_START,
  PROP_END,
  PROP_VENUE,
  PROP_URL,
  PROP_BASE_URL,
  PROP_DESCRIPTION,
  PROP_VERSION,
  PROP_DAYS,
  PROP_TALKS,
  PROP_TRACKS,
  PROP_ROOMS,
  PROP_PERSONS,
  PROP_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_talks_of_each (Oc3ArrayModel *model,
                     gsize          talks_offset)
{
  guint n_items;

  if (model == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n_items; i++)
    {
      Oc3ArrayModel *talks = G_STRUCT_MEMBER (Oc3ArrayModel *, oc3_array_model_peek (model, i),
                                              talks_offset);

      if (talks != NULL)
        oc3_array_model_clear (talks);
    }
}

static void
oc3_conference_dispose (GObject *object)
{
  Oc3Conference *self = OC3_CONFERENCE (object);

  clear_talks_of_each (self->rooms, G_STRUCT_OFFSET (Oc3Room, talks));
  clear_talks_of_each (self->tracks, G_STRUCT_OFFSET (Oc3Track, talks));
  clear_talks_of_each (self->persons, G_STRUCT_OFFSET (Oc3Person, talks));

  g_clear_pointer (&self->talks_by_guid, g_hash_table_unref);
  g_clear_pointer (&self->persons_by_id, g_hash_table_unref);
  g_clear_pointer (&self->rooms_by_name, g_hash_table_unref);
  g_clear_pointer (&self->tracks_by_name, g_hash_table_unref);
  g_clear_object (&self->days);
  g_clear_object (&self->talks);
  g_clear_object (&self->tracks);
  g_clear_object (&self->rooms);
  g_clear_object (&self->persons);

  G_OBJECT_CLASS (oc3_conference_parent_class)->dispose (object);
}

static void
oc3_conference_finalize (GObject *object)
{
  Oc3Conference *self = OC3_CONFERENCE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->acronym, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->warnings, g_strfreev);

  G_OBJECT_CLASS (oc3_conference_parent_class)->finalize (object);
}

static void
oc3_conference_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  Oc3Conference *self = OC3_CONFERENCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;
    case PROP_TIME_ZONE:
      g_value_set_boxed (value, self->time_zone);
      break;
    case PROP_TIME_ZONE_IDENTIFIER:
      g_value_set_string (value, oc3_conference_get_time_zone_identifier (self));
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_DAYS:
      g_value_set_object (value, self->days);
      break;
    case PROP_TALKS:
      g_value_set_object (value, self->talks);
      break;
    case PROP_TRACKS:
      g_value_set_object (value, self->tracks);
      break;
    case PROP_ROOMS:
      g_value_set_object (value, self->rooms);
      break;
    case PROP_PERSONS:
      g_value_set_object (value, self->persons);
      break;
    case PROP_WARNINGS:
      g_value_set_boxed (value, self->warnings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_conference_class_init (Oc3ConferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = oc3_conference_dispose;
  object_class->finalize = oc3_conference_finalize;
  object_class->get_property = oc3_conference_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ACRONYM] = g_param_spec_string ("acronym", NULL, NULL, NULL, flags);
  properties[PROP_TIME_ZONE] =
    g_param_spec_boxed ("time-zone", NULL, NULL, G_TYPE_TIME_ZONE, flags);
  properties[PROP_TIME_ZONE_IDENTIFIER] =
    g_param_spec_string ("time-zone-identifier", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_END] = g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_VENUE] = g_param_spec_string ("venue", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_DAYS] = g_param_spec_object ("days", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_TALKS] = g_param_spec_object ("talks", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_TRACKS] = g_param_spec_object ("tracks", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ROOMS] = g_param_spec_object ("rooms", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_PERSONS] =
    g_param_spec_object ("persons", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_WARNINGS] = g_param_spec_boxed ("warnings", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_conference_init (Oc3Conference *self)
{
}

Oc3Conference *
oc3_conference_new (void)
{
  return g_object_new (OC3_TYPE_CONFERENCE, NULL);
}

/**
 * oc3_conference_get_title:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none): the conference's title (never %NULL; the acronym
 *   when the schedule has no title)
 */
const char *
oc3_conference_get_title (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->title;
}

/**
 * oc3_conference_get_acronym:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (nullable): the short name ("39c3")
 */
const char *
oc3_conference_get_acronym (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->acronym;
}

/**
 * oc3_conference_get_time_zone:
 * @self: a #Oc3Conference
 *
 * The conference's time zone: the schedule's `time_zone_name` when it agrees
 * with the offsets of the talks' times; otherwise one derived from those
 * offsets (see the warnings).
 *
 * Returns: (transfer none): the time zone all times are kept in
 */
GTimeZone *
oc3_conference_get_time_zone (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->time_zone;
}

/**
 * oc3_conference_get_time_zone_identifier:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none): the time zone's identifier ("Europe/Berlin",
 *   or "+01:00" for a fixed offset)
 */
const char *
oc3_conference_get_time_zone_identifier (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return g_time_zone_get_identifier (self->time_zone);
}

/**
 * oc3_conference_get_start:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none): when the conference starts: the schedule's start
 *   (midnight if it is a date), or else its first talk's start
 */
GDateTime *
oc3_conference_get_start (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->start;
}

/**
 * oc3_conference_get_end:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none): when the conference ends: the schedule's end
 *   (the midnight after it if it is a date), or else its last talk's end
 */
GDateTime *
oc3_conference_get_end (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->end;
}

/**
 * oc3_conference_get_venue:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (nullable): where the conference is, if the
 *   schedule says
 */
const char *
oc3_conference_get_venue (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->venue;
}

/**
 * oc3_conference_get_url:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (nullable): the conference's web site
 */
const char *
oc3_conference_get_url (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->url;
}

/**
 * oc3_conference_get_base_url:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (nullable): the URL relative URLs in the schedule
 *   were resolved against
 */
const char *
oc3_conference_get_base_url (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->base_url;
}

/**
 * oc3_conference_get_description:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (nullable): what the schedule says about the
 *   conference
 */
const char *
oc3_conference_get_description (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->description;
}

/**
 * oc3_conference_get_version:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (nullable): the schedule's version string
 */
const char *
oc3_conference_get_version (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return self->version;
}

/**
 * oc3_conference_get_days:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (element-type Oc3Day): the days, in order
 */
GListModel *
oc3_conference_get_days (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return G_LIST_MODEL (self->days);
}

/**
 * oc3_conference_get_talks:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (element-type Oc3Talk): all talks, sorted by start, then by room (in the
 *   program's order of rooms), then by end and guid
 */
GListModel *
oc3_conference_get_talks (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return G_LIST_MODEL (self->talks);
}

/**
 * oc3_conference_get_tracks:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (element-type Oc3Track): the tracks, in the program's order, then those
 *   only talks name
 */
GListModel *
oc3_conference_get_tracks (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return G_LIST_MODEL (self->tracks);
}

/**
 * oc3_conference_get_rooms:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (element-type Oc3Room): the rooms, in the program's order, then those
 *   only talks name
 */
GListModel *
oc3_conference_get_rooms (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return G_LIST_MODEL (self->rooms);
}

/**
 * oc3_conference_get_persons:
 * @self: a #Oc3Conference
 *
 * Returns: (transfer none) (element-type Oc3Person): everyone listed with a talk, sorted by name
 */
GListModel *
oc3_conference_get_persons (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return G_LIST_MODEL (self->persons);
}

/**
 * oc3_conference_get_warnings:
 * @self: a #Oc3Conference
 *
 * What the parser found odd but could read, each as "PATH: what", in the
 * order found.
 *
 * Returns: (transfer none) (array zero-terminated=1): the warnings
 */
const char * const *
oc3_conference_get_warnings (Oc3Conference *self)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);

  return (const char * const *) self->warnings;
}

/**
 * oc3_conference_lookup_talk:
 * @self: a #Oc3Conference
 * @guid: a talk's guid
 *
 * Finds a talk in constant time.
 *
 * Returns: (transfer none) (nullable): the talk
 */
Oc3Talk *
oc3_conference_lookup_talk (Oc3Conference *self,
                            const char    *guid)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (guid != NULL, NULL);

  return g_hash_table_lookup (self->talks_by_guid, guid);
}

/**
 * oc3_conference_lookup_person:
 * @self: a #Oc3Conference
 * @id_or_guid: a person's guid or id
 *
 * Returns: (transfer none) (nullable): the person
 */
Oc3Person *
oc3_conference_lookup_person (Oc3Conference *self,
                              const char    *id_or_guid)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (id_or_guid != NULL, NULL);

  return g_hash_table_lookup (self->persons_by_id, id_or_guid);
}

/**
 * oc3_conference_lookup_room:
 * @self: a #Oc3Conference
 * @name: a room's name
 *
 * Returns: (transfer none) (nullable): the room
 */
Oc3Room *
oc3_conference_lookup_room (Oc3Conference *self,
                            const char    *name)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->rooms_by_name, name);
}

/**
 * oc3_conference_lookup_track:
 * @self: a #Oc3Conference
 * @name: a track's name
 *
 * Returns: (transfer none) (nullable): the track
 */
Oc3Track *
oc3_conference_lookup_track (Oc3Conference *self,
                             const char    *name)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->tracks_by_name, name);
}
