/* oc3-conference-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-array-model.h"
#include "oc3-conference.h"

G_BEGIN_DECLS

/* The parser fills the fields directly; after that the object never changes. */
struct _Oc3Conference
{
  GObject        parent_instance;

  char          *title;
  char          *acronym;
  char          *venue;
  char          *url;
  char          *base_url;
  char          *description;
  char          *version;
  GTimeZone     *time_zone;
  GDateTime     *start;
  GDateTime     *end;
  Oc3ArrayModel *days;
  Oc3ArrayModel *talks;
  Oc3ArrayModel *tracks;
  Oc3ArrayModel *rooms;
  Oc3ArrayModel *persons;
  /* The values are borrowed from the models above, the keys from the values. */
  GHashTable    *talks_by_guid;
  GHashTable    *persons_by_id;
  GHashTable    *rooms_by_name;
  GHashTable    *tracks_by_name;
  GStrv          warnings;
};

Oc3Conference *oc3_conference_new (void);

G_END_DECLS
