/* oc3-talk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-talk-private.h"

G_DEFINE_FINAL_TYPE (Oc3Talk, oc3_talk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GUID,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SLUG,
  PROP_TRACK,
  PROP_TALK_TYPE,
  PROP_LANGUAGE,
  PROP_START,
  PROP_END,
  PROP_DURATION,
  PROP_ROOM,
  PROP_ABSTRACT,
  PROP_DESCRIPTION,
  PROP_PERSONS,
  PROP_LINKS,
  PROP_ATTACHMENTS,
  PROP_URL,
  PROP_LOGO,
  PROP_DO_NOT_RECORD,
  PROP_RECORDING_LICENSE,
  PROP_DAY_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
oc3_talk_finalize (GObject *object)
{
  Oc3Talk *self = OC3_TALK (object);

  g_clear_pointer (&self->guid, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_object (&self->track);
  g_clear_object (&self->room);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->talk_type, g_ref_string_release);
  g_clear_pointer (&self->language, g_ref_string_release);
  g_clear_pointer (&self->recording_license, g_ref_string_release);
  g_clear_pointer (&self->abstract, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->persons);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->logo, g_free);

  G_OBJECT_CLASS (oc3_talk_parent_class)->finalize (object);
}

static void
oc3_talk_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  Oc3Talk *self = OC3_TALK (object);

  switch (prop_id)
    {
    case PROP_GUID:
      g_value_set_string (value, self->guid);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;
    case PROP_TRACK:
      g_value_set_object (value, self->track);
      break;
    case PROP_TALK_TYPE:
      g_value_set_string (value, self->talk_type);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_DURATION:
      g_value_set_int64 (value, oc3_talk_get_duration (self));
      break;
    case PROP_ROOM:
      g_value_set_object (value, self->room);
      break;
    case PROP_ABSTRACT:
      g_value_set_string (value, self->abstract);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_PERSONS:
      g_value_set_object (value, self->persons);
      break;
    case PROP_LINKS:
      g_value_set_boxed (value, self->links);
      break;
    case PROP_ATTACHMENTS:
      g_value_set_boxed (value, self->attachments);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_LOGO:
      g_value_set_string (value, self->logo);
      break;
    case PROP_DO_NOT_RECORD:
      g_value_set_boolean (value, self->do_not_record);
      break;
    case PROP_RECORDING_LICENSE:
      g_value_set_string (value, self->recording_license);
      break;
    case PROP_DAY_INDEX:
      g_value_set_int (value, self->day_index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_talk_class_init (Oc3TalkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = oc3_talk_finalize;
  object_class->get_property = oc3_talk_get_property;

  properties[PROP_GUID] =
    g_param_spec_string ("guid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACK] =
    g_param_spec_object ("track", NULL, NULL, OC3_TYPE_TRACK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TALK_TYPE] =
    g_param_spec_string ("talk-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROOM] =
    g_param_spec_object ("room", NULL, NULL, OC3_TYPE_ROOM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ABSTRACT] =
    g_param_spec_string ("abstract", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSONS] =
    g_param_spec_object ("persons", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINKS] =
    g_param_spec_boxed ("links", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTACHMENTS] =
    g_param_spec_boxed ("attachments", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOGO] =
    g_param_spec_string ("logo", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DO_NOT_RECORD] =
    g_param_spec_boolean ("do-not-record", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDING_LICENSE] =
    g_param_spec_string ("recording-license", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY_INDEX] =
    g_param_spec_int ("day-index", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_talk_init (Oc3Talk *self)
{
}

/**
 * oc3_talk_get_guid:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none): the talk's stable, unique identifier ("#2" is appended to a repeated
 *   guid)
 */
const char *
oc3_talk_get_guid (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->guid;
}

/**
 * oc3_talk_get_id:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the talk's id in the schedule, as text
 */
const char *
oc3_talk_get_id (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->id;
}

/**
 * oc3_talk_get_title:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none): the title
 */
const char *
oc3_talk_get_title (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->title;
}

/**
 * oc3_talk_get_subtitle:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the subtitle
 */
const char *
oc3_talk_get_subtitle (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->subtitle;
}

/**
 * oc3_talk_get_slug:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the slug
 */
const char *
oc3_talk_get_slug (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->slug;
}

/**
 * oc3_talk_get_track:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the track
 */
Oc3Track *
oc3_talk_get_track (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->track;
}

/**
 * oc3_talk_get_talk_type:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the type, free text as the schedule has it ("Talk",
 *   "workshop", …)
 */
const char *
oc3_talk_get_talk_type (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->talk_type;
}

/**
 * oc3_talk_get_language:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the language, free text as the schedule has it ("en", "de,
 *   en")
 */
const char *
oc3_talk_get_language (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->language;
}

/**
 * oc3_talk_get_start:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none): when the talk starts, in the conference's time zone
 */
GDateTime *
oc3_talk_get_start (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->start;
}

/**
 * oc3_talk_get_end:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none): when the talk ends, in the conference's time zone
 */
GDateTime *
oc3_talk_get_end (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->end;
}

/**
 * oc3_talk_get_duration:
 * @self: a #Oc3Talk
 *
 * Returns: how long the talk is, in microseconds (zero for a talk with no
 *   duration)
 */
GTimeSpan
oc3_talk_get_duration (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), 0);

  return g_date_time_difference (self->end, self->start);
}

/**
 * oc3_talk_get_room:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the room
 */
Oc3Room *
oc3_talk_get_room (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->room;
}

/**
 * oc3_talk_get_abstract:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the abstract, HTML or Markdown as the schedule has it
 */
const char *
oc3_talk_get_abstract (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->abstract;
}

/**
 * oc3_talk_get_description:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the description, HTML or Markdown as the schedule has it
 */
const char *
oc3_talk_get_description (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->description;
}

/**
 * oc3_talk_get_persons:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (element-type Oc3Person): the speakers, in the schedule's order
 */
GListModel *
oc3_talk_get_persons (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return G_LIST_MODEL (self->persons);
}

/**
 * oc3_talk_get_links:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (element-type Oc3Link): the links
 */
GPtrArray *
oc3_talk_get_links (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->links;
}

/**
 * oc3_talk_get_attachments:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (element-type Oc3Link): the attachments
 */
GPtrArray *
oc3_talk_get_attachments (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->attachments;
}

/**
 * oc3_talk_get_url:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the talk's web page
 */
const char *
oc3_talk_get_url (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->url;
}

/**
 * oc3_talk_get_logo:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the URL of the talk's image
 */
const char *
oc3_talk_get_logo (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->logo;
}

/**
 * oc3_talk_get_do_not_record:
 * @self: a #Oc3Talk
 *
 * Returns:: whether the speakers asked not to be recorded
 */
gboolean
oc3_talk_get_do_not_record (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), FALSE);

  return self->do_not_record;
}

/**
 * oc3_talk_get_recording_license:
 * @self: a #Oc3Talk
 *
 * Returns: (transfer none) (nullable): the licence of recordings
 */
const char *
oc3_talk_get_recording_license (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), NULL);

  return self->recording_license;
}

/**
 * oc3_talk_get_day_index:
 * @self: a #Oc3Talk
 *
 * Returns:: the index of the day the schedule files the talk under
 */
int
oc3_talk_get_day_index (Oc3Talk *self)
{
  g_return_val_if_fail (OC3_IS_TALK (self), 0);

  return self->day_index;
}

Oc3Talk *
oc3_talk_new (void)
{
  return g_object_new (OC3_TYPE_TALK, NULL);
}
