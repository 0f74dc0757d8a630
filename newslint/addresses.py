"""Web addresses, domains and file names in prose: one answer for every rule.

A rule that judges a mark by the token it stands in (``bbc.co.uk,``, ``www.x.org .``,
``http://a.b/c..d``) asks the same questions: is this token a web address, does it end
like a domain or a file name? They are answered here, so that every rule draws the line
in the same place.
"""

from __future__ import annotations

from newslint import patterns

# A web address starts with a scheme (``https://``, ``ftp://``) or a ``www.`` label that
# no letter runs into (``awww.`` is an exclamation). Only lower or upper case ``www``:
# ``Www.`` is a sentence's first word far more often than a host.
# The scheme starts where no scheme character stands before it: tried from inside a long
# word, it would run to the word's end from every letter (quadratic).
_SCHEME = r"(?:(?<![\w+.\-])[^\W\d_][\w+.\-]*)?://"
_WWW = r"(?<![^\W\d_])(?:www|WWW)\."
# A web address written in running text, from its scheme or ``www.`` to the next space.
URL = patterns.compile(rf"{_SCHEME}\S*|{_WWW}\S*")
_WWW_LABEL = patterns.compile(_WWW)

# The last label of a domain or a file name (``bbc.co.uk``, ``Halo.Bungie.Org``,
# ``report.Pdf``). Short country codes that are also English words (it, in, is, at, to,
# be, no, me, us, am, as) are left out on purpose: ``said.it`` is a lost space.
DOMAIN_SUFFIXES = frozenset(
    """com org net edu gov mil int info biz io co uk eu tv fm ly ai de fr nl ie au nz ca
    ch se dk fi es pt ru jp cn kr za tel mobi name pro asia
    htm html php asp aspx jsp pdf doc docx xls xlsx ppt pptx txt rtf csv json xml jpg jpeg
    png gif svg mp3 mp4 mov avi wav zip rar exe dmg py js ts css yaml yml toml ini cfg log md
    rb rs java cpp sh bat tar gz tgz bz2 iso img apk deb rpm msi webp tiff bmp ico mkv webm
    flac ogg aac epub odt ods wma wmv mpg mpeg m4a jar swf""".split()
)


def is_web_address(token: str) -> bool:
    """True when a white-space token holds a web address: a scheme's ``://`` or a ``www.`` label."""
    return "://" in token or (("www." in token or "WWW." in token) and _WWW_LABEL.search(token) is not None)


def mentions_web_address(text: str) -> bool:
    """True when ``text`` may hold a web address (a quick screen before ``URL`` is searched)."""
    return "://" in text or "www." in text or "WWW." in text
