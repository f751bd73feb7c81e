/* oc3-room.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-room-private.h"

G_DEFINE_FINAL_TYPE (Oc3Room, oc3_room, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_GUID,
  PROP_DESCRIPTION,
  PROP_TALKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
oc3_room_finalize (GObject *object)
{
  Oc3Room *self = OC3_ROOM (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->guid, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->talks);

  G_OBJECT_CLASS (oc3_room_parent_class)->finalize (object);
}

static void
oc3_room_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  Oc3Room *self = OC3_ROOM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_GUID:
      g_value_set_string (value, self->guid);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_TALKS:
      g_value_set_object (value, self->talks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_room_class_init (Oc3RoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = oc3_room_finalize;
  object_class->get_property = oc3_room_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUID] =
    g_param_spec_string ("guid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TALKS] =
    g_param_spec_object ("talks", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_room_init (Oc3Room *self)
{
}

/**
 * oc3_room_get_name:
 * @self: a #Oc3Room
 *
 * Returns: (transfer none): the room's name, as the schedule's talks name it
 */
const char *
oc3_room_get_name (Oc3Room *self)
{
  g_return_val_if_fail (OC3_IS_ROOM (self), NULL);

  return self->name;
}

/**
 * oc3_room_get_guid:
 * @self: a #Oc3Room
 *
 * Returns: (transfer none) (nullable): the room's guid, if the schedule gives one
 */
const char *
oc3_room_get_guid (Oc3Room *self)
{
  g_return_val_if_fail (OC3_IS_ROOM (self), NULL);

  return self->guid;
}

/**
 * oc3_room_get_description:
 * @self: a #Oc3Room
 *
 * Returns: (transfer none) (nullable): what the schedule says about the room, in the user's
 *   language where it offers a choice
 */
const char *
oc3_room_get_description (Oc3Room *self)
{
  g_return_val_if_fail (OC3_IS_ROOM (self), NULL);

  return self->description;
}

/**
 * oc3_room_get_talks:
 * @self: a #Oc3Room
 *
 * Returns: (transfer none) (element-type Oc3Talk): the talks in this room, sorted by start
 */
GListModel *
oc3_room_get_talks (Oc3Room *self)
{
  g_return_val_if_fail (OC3_IS_ROOM (self), NULL);

  return G_LIST_MODEL (self->talks);
}

Oc3Room *
oc3_room_new (void)
{
  return g_object_new (OC3_TYPE_ROOM, NULL);
}
