"""The dashboard: static HTML, JS and CSS (no framework, no CDN) served by the API at / and /static/.

The script builds every element with the DOM API and puts data in with `textContent`, never `innerHTML`;
the API's Content-Security-Policy allows only scripts and styles served from these files.
"""

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
