/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-pinyin"

#include "config.h"

#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

#include "lx-pinyin.h"

#define TRANSLITERATOR_ID "Han-Latin; Latin-ASCII; Lower"

typedef struct
{
  const char *surname;
  const char *syllables[2];
} Surname;

/* Where the surname reading differs from ICU's everyday one (欧阳 is there
 * because it is read whole, before 区/欧 could be looked at alone). */
static const Surname compound_surnames[] = {
  { "欧阳", { "ou", "yang" } },     { "司马", { "si", "ma" } },
  { "诸葛", { "zhu", "ge" } },      { "上官", { "shang", "guan" } },
  { "尉迟", { "yu", "chi" } },      { "长孙", { "zhang", "sun" } },
  { "澹台", { "tan", "tai" } },     { "令狐", { "ling", "hu" } },
  { "单于", { "chan", "yu" } },     { "万俟", { "mo", "qi" } },
};

static const Surname single_surnames[] = {
  { "单", { "shan" } }, { "曾", { "zeng" } }, { "解", { "xie" } },   { "区", { "ou" } },
  { "仇", { "qiu" } },  { "朴", { "piao" } }, { "查", { "zha" } },   { "盖", { "ge" } },
  { "尉", { "yu" } },   { "乐", { "yue" } },  { "覃", { "qin" } },   { "翟", { "zhai" } },
  { "缪", { "miao" } }, { "宁", { "ning" } }, { "种", { "chong" } }, { "秘", { "bi" } },
  { "句", { "gou" } },  { "繁", { "po" } },   { "员", { "yun" } },   { "隗", { "wei" } },
  { "过", { "guo" } },  { "万", { "wan" } },  { "华", { "hua" } },   { "任", { "ren" } },
  { "沈", { "shen" } }, { "祭", { "zhai" } }, { "召", { "shao" } },  { "折", { "she" } },
  { "黑", { "he" } },   { "长", { "chang" } }, { "重", { "chong" } }, { "俞", { "yu" } },
  { "蔚", { "yu" } },   { "能", { "nai" } },
};

/* Opening the transliterator takes ~120 ms and it is not thread-safe, so
 * each thread keeps its own. One call takes ~7 µs a character, so readings
 * are kept too: an import of 100,000 names meets only a few thousand
 * distinct characters. */
typedef struct
{
  UTransliterator *trans;     /* NULL when ICU could not open it */
  GHashTable      *readings;  /* gunichar → ASCII reading, "" for none */
} PinyinCache;

typedef enum
{
  CHUNK_NONE,
  CHUNK_HAN,
  CHUNK_LATIN,
  CHUNK_DIGITS,
} ChunkKind;

typedef struct
{
  GString   *full;
  GString   *initials;
  ChunkKind  last;
} PinyinKeys;

/* One cache for the process, filled lazily under a lock: opening ICU's
 * transliterator parses its rules, which costs about a quarter of a second,
 * and an import or export running in a worker thread must not pay it again.
 * Readings are never removed, so a pointer to one stays valid after the lock
 * is released. */
static GMutex cache_lock;
static PinyinCache *cache;

static UTransliterator *
open_transliterator (void)
{
  UChar id[sizeof TRANSLITERATOR_ID];
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator *trans;

  u_charsToUChars (TRANSLITERATOR_ID, id, sizeof TRANSLITERATOR_ID);
  trans = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Cannot open the ICU transliterator “%s”: %s",
                 TRANSLITERATOR_ID, u_errorName (status));
      return NULL;
    }
  return trans;
}

/* Only ASCII letters and digits of ICU's output are kept: a character
 * without a reading comes back unchanged and is dropped. */
static char *
transliterate (UTransliterator *trans,
               gunichar         c)
{
  UChar buf[64];
  int32_t length = 0;
  int32_t limit;
  UErrorCode status = U_ZERO_ERROR;
  GString *out = g_string_new (NULL);

  if (trans == NULL)
    return g_string_free (out, FALSE);

  U16_APPEND_UNSAFE (buf, length, c);
  limit = length;
  utrans_transUChars (trans, buf, &length, G_N_ELEMENTS (buf), 0, &limit, &status);
  for (int32_t i = 0; U_SUCCESS (status) && i < length; i++)
    if (buf[i] < 0x80 && g_ascii_isalnum (buf[i]))
      g_string_append_c (out, g_ascii_tolower (buf[i]));
  return g_string_free (out, FALSE);
}

static const char *
reading_for (gunichar c)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache_lock);
  char *reading;

  if (cache == NULL)
    {
      cache = g_new0 (PinyinCache, 1);
      cache->trans = open_transliterator ();
      cache->readings = g_hash_table_new_full (NULL, NULL, NULL, g_free);
    }
  reading = g_hash_table_lookup (cache->readings, GUINT_TO_POINTER (c));
  if (reading == NULL)
    {
      reading = transliterate (cache->trans, c);
      g_hash_table_insert (cache->readings, GUINT_TO_POINTER (c), reading);
    }
  return reading;
}

static gpointer
warm_up_thread (gpointer data)
{
  reading_for (0x4E2D); /* 中 */
  return NULL;
}

/* Opens ICU's transliterator, which takes about a quarter of a second, in a
 * thread of its own once per process, for work that will soon need many
 * pinyin keys and has something else to do first. */
void
lx_pinyin_warm_up (void)
{
  static gsize started = 0;

  if (g_once_init_enter (&started))
    {
      g_thread_unref (g_thread_new ("pinyin-warm-up", warm_up_thread, NULL));
      g_once_init_leave (&started, 1);
    }
}

static void
add_syllable (PinyinKeys *keys,
              const char *syllable)
{
  if (*syllable == '\0')
    return;
  g_string_append (keys->full, syllable);
  g_string_append_c (keys->initials, syllable[0]);
  keys->last = CHUNK_HAN;
}

/* A run of Latin letters is one chunk, with one initial. */
static void
add_letters (PinyinKeys *keys,
             const char *letters)
{
  if (*letters == '\0')
    return;
  if (keys->last != CHUNK_LATIN)
    g_string_append_c (keys->initials, letters[0]);
  g_string_append (keys->full, letters);
  keys->last = CHUNK_LATIN;
}

static void
add_digit (PinyinKeys *keys,
           char        digit)
{
  g_string_append_c (keys->full, digit);
  g_string_append_c (keys->initials, digit);
  keys->last = CHUNK_DIGITS;
}

/* Reads the surname at @p, the start of the name. Returns the text after
 * it, or NULL when it is not in the tables. */
static const char *
add_surname (PinyinKeys *keys,
             const char *p)
{
  for (gsize i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
    if (g_str_has_prefix (p, compound_surnames[i].surname))
      {
        add_syllable (keys, compound_surnames[i].syllables[0]);
        add_syllable (keys, compound_surnames[i].syllables[1]);
        return p + strlen (compound_surnames[i].surname);
      }

  for (gsize i = 0; i < G_N_ELEMENTS (single_surnames); i++)
    if (g_str_has_prefix (p, single_surnames[i].surname))
      {
        add_syllable (keys, single_surnames[i].syllables[0]);
        return p + strlen (single_surnames[i].surname);
      }
  return NULL;
}

static void
add_char (PinyinKeys *keys,
          gunichar    c)
{
  if (c < 0x80 && g_ascii_isalpha (c))
    {
      char letter[2] = { g_ascii_tolower (c), '\0' };

      add_letters (keys, letter);
    }
  else if (c < 0x80 && g_ascii_isdigit (c))
    add_digit (keys, (char)c);
  else if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
    add_syllable (keys, reading_for (c));
  else if (g_unichar_isalpha (c))
    add_letters (keys, reading_for (c)); /* é → e, through Latin-ASCII */
  else if (g_unichar_ismark (c))
    return; /* a combining accent does not split a word */
  else
    keys->last = CHUNK_NONE;
}

void
lx_pinyin_keys (const char  *name,
                char       **out_full,
                char       **out_initials)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  PinyinKeys keys = { g_string_new (NULL), g_string_new (NULL), CHUNK_NONE };
  const char *p = "";

  if (name != NULL)
    {
      valid = g_utf8_make_valid (name, -1);
      /* NFKC turns full-width letters and digits into ASCII */
      folded = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
      p = folded;
    }

  /* The surname is whatever the name starts with, spaces aside. */
  while (*p == ' ')
    p++;
  if (*p != '\0')
    {
      const char *after = add_surname (&keys, p);

      if (after != NULL)
        p = after;
    }

  for (; *p != '\0'; p = g_utf8_next_char (p))
    add_char (&keys, g_utf8_get_char (p));

  if (out_full != NULL)
    *out_full = g_string_free (keys.full, FALSE);
  else
    g_string_free (keys.full, TRUE);
  if (out_initials != NULL)
    *out_initials = g_string_free (keys.initials, FALSE);
  else
    g_string_free (keys.initials, TRUE);
}
