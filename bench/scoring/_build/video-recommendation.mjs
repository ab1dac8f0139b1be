export default {
  scenarioId: "video-recommendation",
  followUps: {
    "clarify-requirements": "vr-clarify-fu-qps",
    "frame-problem": "vr-frame-fu-funnel-sizes",
    "data-preparation": "vr-data-fu-position",
    "model-development": "vr-model-fu-new-id",
    evaluation: "vr-eval-fu-flat-online",
    "deployment-serving": "vr-serve-fu-memory",
    monitoring: "vr-mon-fu-silent",
  },

  strong: {
    "clarify-requirements": [
      `First I want to pin down what a good homepage means. I'd anchor on long-term satisfaction, measured as daily active users and valued watch time, and treat raw watch time as a proxy with known failure modes, because CTR on its own rewards clickbait thumbnails that earn a click and a five-second watch. Then scale: DAU, the size of the eligible corpus and uploads per day, and peak QPS, since with something like 200 million eligible videos exhaustive scoring per request is out of the question and we need a retrieval-then-ranking funnel. I'd ask for the latency budget (if the recommender gets 150 ms p99 of a 300 ms page, that caps how heavy the ranker can be) and which surfaces we serve: mobile, TV, desktop and logged-out traffic, with a cached feed as the timeout fallback. On cold start and freshness, if a subscribed creator's upload must appear within 10 minutes, a nightly pipeline is ruled out and the candidate indexes need streaming updates. Finally the constraints I'd treat as design inputs: history deletion and pausing, made-for-kids videos that can't feed personalisation, the Digital Services Act non-profiled feed, borderline content, creator exposure, what is out of scope (Shorts, watch-next, search, ads) and who owns the north star and its guardrail metrics.`,
      `500 million DAU opening the homepage about 5 times a day is 2.5 billion loads, and 2.5 billion divided by 86,400 seconds is about 29,000 requests per second on average. Evening peaks run roughly 3x the mean, so about 87,000, and I'd design for 90k to 100k requests per second across regions, because losing a region pushes its traffic onto the others. If the ranker sees 500 candidates per request, that is about 45 million item scorings a second at peak, which is the number that sizes the ranking fleet and the reason the heavy model only ever sees a few hundred candidates.`,
    ],
    "frame-problem": [
      `I'd frame it as a three-stage funnel, because no single model can be cheap enough for 200 million videos and precise enough for the final 16 tiles. Candidate generation pulls a few thousand videos from several candidate sources; the main one is a two-tower model framed as extreme multiclass classification, predicting the user's next watch from their history, trained with sampled softmax and served as a nearest neighbor lookup in the dot-product embedding space. The ranker is a pointwise multi-task model that predicts, for each user, context and video, p(click), expected watch time and satisfaction signals such as like, dismissal and the survey score, combined into one value score whose weights are explicit and versioned. Because pointwise scores ignore the rest of the page, a listwise re-ranking step handles diversity, de-duplication and policy on the final slate. Longer term, per-impression objectives are myopic and feed back into our own training data, so I'd add return-visit labels and an exploration budget before anyone reaches for off-policy reinforcement learning.`,
      `Roughly: each source returns a few hundred, merged and deduplicated into about 2,000 candidates; a light pre-ranker cuts that to about 500; the heavy ranker scores those 500; and the re-ranker picks 16 tiles plus a small buffer for the next scroll. The numbers come from the budget rather than taste: at about 90k QPS, ranking 500 per request is about 45 million scorings a second, and doubling it doubles ranking compute for a small recall gain. The 2,000 from retrieval is where the recall curve of the sources flattens and ANN latency stays inside about 30 ms; past that point we mostly add near-duplicates. I'd revisit both numbers by plotting retrieval recall@k against ranking cost.`,
    ],
    "data-preparation": [
      `Training data comes from impression logs joined with watch events: every tile shown, with the features logged at serve time, its position, and what happened next, meaning click, watch seconds, completion rate, like, a "not interested" dismissal and, for about 0.1% of watches, a survey answer. The click head learns from impressed-and-watched versus impressed-and-skipped, the watch-time head is trained as weighted logistic regression on watch seconds, and likes, dismissals and survey answers train their own heads, since explicit feedback is scarce but closer to satisfaction than implicit feedback. These labels are biased: position bias (the top-left tile gets clicked regardless), selection bias (outcomes exist only for videos we chose to show), duration bias (long videos accumulate watch seconds) and popularity bias. I'd counter them with position in a shallow tower, a small randomised slice of exploration traffic, inverse propensity weighting where propensities are logged, and watch-time targets normalised by duration. For retrieval I'd use in-batch negatives with a logQ correction so popular videos aren't over-penalised, cap examples per user so heavy viewers don't dominate, use a time-based split with features as of the impression, and make deletions flow through lineage within the 30-day limit.`,
      `Position gets its own shallow tower: a small network over the tile position, device type and layout whose logit is added to the main model's logit during training, so the position effect is explained by that tower instead of leaking into the relevance features. I'd add position dropout, about 10% of examples with the position masked, so the main tower doesn't learn correlated proxies for the slot. At serving time the position tower is dropped, or its input fixed at serving to one default slot, because we don't know the slot yet when we rank. To check that it worked, I'd use the randomised exploration slice, where position is independent of relevance, to estimate the true click-by-position curve and compare it with what the shallow tower learned.`,
    ],
    "model-development": [
      `Baselines first, because they tell us what the ML is worth: popularity by country and language, recent uploads from subscriptions, and item-to-item co-watch candidates, ranked by a GBDT over hand-built features. For retrieval I'd ship a two-tower model: the user tower pools embeddings of recent watches and searches plus context, the item tower encodes video id, channel, metadata and the precomputed content embedding, both produce 256 dimensions scored by dot product, trained with in-batch sampled softmax and a logQ correction. It is one candidate source among several (subscriptions, fresh uploads, co-watch, trending and exploration), each with a quota, so no single model decides recall. The ranker is a multi-task network with MMoE over shared inputs and task heads for click, watch time, like, dismissal and survey, cross-entropy for the binary heads and weighted logistic regression for watch time, fed rich cross features such as "watches from this channel" and "times already shown", plus the shallow position tower. It trains continuously, warm-started from the last checkpoint, with embedding tables sharded across parameter servers and new ids admitted after a frequency threshold.`,
      `In the item tower the unseen id maps to a shared out-of-vocabulary row, and since we trained with id dropout the tower has learned to cope; the rest of the tower still sees channel, language, duration, title and the content embedding, so the video gets a reasonable vector from metadata alone. A streaming job embeds it within minutes of upload processing and inserts it into the live index. The user tower is unaffected because it only sees the viewer's history. In the ranker the id embedding is also a default, but channel-level features and the viewer's history with that channel carry most of the signal, and example age tells the model the video is new. Since all of this still under-scores unknowns, new uploads also get a dedicated candidate source and a small exploration slot until they have a few thousand impressions.`,
    ],
    evaluation: [
      `Offline, retrieval is judged by recall@k, with k around 1,000, of held-out next watches against the full corpus, per source and combined, plus catalogue coverage; recall computed against a small sample of negatives can order models differently from the full metric. The ranker gets AUC and LogLoss per head, NDCG per session weighted by watch time, and calibration per head, because the heads are combined into one value score. Logged data only reflects what the old policy showed, so I'd screen candidates with off-policy evaluation using logged propensities and clipped inverse propensity weights, or with interleaving, before spending A/B slots. Online, a user-level randomization A/B test of at least two weeks so the novelty effect fades, sized with a power calculation, with valued watch time per user, daily active users and survey satisfaction as success metrics and dismissals, latency and borderline exposure as guardrails. Results are sliced by new and logged-out users, country, device and small creators, and a 1% long-term holdout measures the cumulative effect of launches on retention.`,
      `A few usual suspects. First, the test set comes from the old policy, so a model that reorders logged items better may not be better on the items it would newly surface; that is the offline-online gap from selection bias. Second, the metric may not track the goal: if the gain is in positions 10 to 16 that most viewers never scroll to, or among videos people would have watched anyway, the online effect is nil. Third, training-serving skew: a feature computed differently online means the live model isn't the one we evaluated, which I'd check by comparing logged serving features with offline recomputation. Fourth, the test may just be underpowered, since watch time per user is heavy-tailed and a 0.2% effect needs tens of millions of users for weeks, so I'd look at the confidence interval and apply CUPED before calling it flat.`,
    ],
    "deployment-serving": [
      `A request fetches user features from the feature store (about 10 ms), computes the user vector online, and fans out in parallel to the ANN source (HNSW or ScaNN over the item vectors), subscriptions, fresh uploads, co-watch and trending, each with its own timeout so the merge proceeds with partial results (about 30 ms). We hydrate features for about 2,000 candidates, a light pre-ranker keeps about 500, and the multi-task ranker scores them in GPU batches (about 20 ms of hydration and 60 ms of ranking). The re-ranker (about 10 ms) removes already-watched and dismissed videos, applies a channel cap and MMR or DPP diversity, demotes borderline content for non-subscribers and reserves an exploration slot, which leaves about 20 ms of network inside the 150 ms p99. If a stage fails we fall back to the cached feed from the previous session, and under overload we shed load by shrinking candidate counts rather than failing requests.`,
      `200 million videos times 256 dimensions times 4 bytes is about 205 GB of float32 vectors, before graph links, which is too much to replicate comfortably. Int8 quantisation brings it to about 51 GB, and IVF-PQ with 64-byte codes to about 13 GB per full copy, at some loss of recall; re-scoring the top few thousand with full-precision vectors from a separate store recovers most of it. I'd shard the index so each shard fits in memory with room for streaming inserts, replicate shards to carry about 90k QPS at peak across regions, and use ANN recall@k against exact search on a sample of queries as the quality dial when tuning compression.`,
    ],
    monitoring: [
      `System health: p50 and p99 latency per stage, timeout and fallback rates, empty candidate lists, and each source's contribution to the final tiles, because a source that quietly times out changes the feed without any error. Data health: feature null rates and drift against a reference window using PSI, schema validation, prediction distributions and calibration per head, with thresholds that page on-call. To prevent training-serving skew the ranker trains on features logged at serving, with one shared definition per feature in the feature store. Over months the feedback loop matters most: the model trains on its own recommendations, so I'd track the impression share of the top 1% of channels, catalogue coverage and topic diversity per user, and keep a protected exploration budget. The ranker retrains continuously with warm start and the retrieval model daily, and each candidate passes a validation gate against the live model, is registered in a model registry, canaried, and can be rolled back in minutes.`,
      `A slow drift with no alert usually means a gradual degradation or a whole class of signal going missing, so I'd slice before guessing. I'd compare the decline across devices, countries, client versions, new versus returning users and candidate sources: if it sits in one client version, a logging change such as position no longer being recorded is likely; if the fresh-uploads source's share of tiles has fallen, it may be timing out. Then I'd check the long-term holdback: if it is flat while treatment drifts, our own retraining or launches caused it; if both drift, it is seasonal or external. I'd also look at per-head calibration over the month and at concentration metrics, since a feedback loop narrowing topics shows up exactly as slowly falling watch time. Whatever the cause, I'd add a week-over-week trend alert on the metric that would have caught it.`,
    ],
  },

  medium: {
    "clarify-requirements": [
      `I'd first ask what the homepage should optimise. Clicks are easy to measure, but I'd rather aim for watch time and user satisfaction, because people click on clickbait and leave. I'd also ask about DAU, corpus size and the latency budget, since those decide how complex the models can be. Cold start for new users is another thing I'd want to understand.`,
      `If each user opens the app a few times a day, that's a couple of billion requests a day, so tens of thousands of requests per second on average. I'd design for something like 50k requests per second to be safe.`,
    ],
    "frame-problem": [
      `I'd split it into candidate generation and ranking. Candidate generation narrows the corpus down to a few thousand videos using embeddings, and the ranker predicts how likely the user is to click and how long they'll watch. Then we just sort by score and take the top 16 for the page.`,
      `Maybe a few thousand from retrieval and a few hundred into the ranker. Retrieval has to be cheap, so it can handle more items, while the ranker is more expensive per item. I'd tune the exact numbers based on latency.`,
    ],
    "data-preparation": [
      `We'd use the impression and watch logs. A positive could be a video the user clicked and watched for a while, and a negative a video that was shown but not clicked. Features would include the user's watch history, video metadata like channel and duration, and context like device and time of day. One issue is position bias, since videos at the top get clicked more.`,
      `I'd add the position as a feature during training, and at serving time set it to a fixed value so it doesn't affect the ranking. That way the model can separate the effect of the position from relevance.`,
    ],
    "model-development": [
      `As a baseline I'd start with popularity, and then build a two-tower model for retrieval, where the user and video embeddings are compared with a dot product. For ranking I'd use a deep neural network with multiple outputs, one for click and one for watch time, so it's multi-task learning. It would be retrained regularly on new data.`,
      `The video won't have a learned embedding yet, so the model has to rely on its other features like title, channel and category. We could also boost new videos a bit so they get some impressions and collect data.`,
    ],
    evaluation: [
      `Offline I'd look at recall for retrieval and at AUC and NDCG for the ranker. For retrieval I'd compute recall against 100 random negatives per positive to keep it cheap. Then I'd run an A/B test and compare watch time and engagement between the groups before launching.`,
      `Offline and online metrics don't always agree. The offline data might be biased because it comes from the old model, or NDCG might not reflect what users actually care about. I'd probably run the test longer to see if anything changes.`,
    ],
    "deployment-serving": [
      `The request first gets the user embedding and does an approximate nearest neighbour search, for example with HNSW, to get candidates. Then we fetch features for those from a feature store, run the ranker, and finally apply some business rules like removing videos already watched. Everything needs to fit within the latency budget, so the ranking model can't be too big, and we can cache some results.`,
      `It depends on the embedding size. With a couple of hundred million videos and a few hundred dimensions it would be hundreds of gigabytes, so we'd need to shard it across machines or compress the vectors.`,
    ],
    monitoring: [
      `I'd monitor latency and errors, and also the business metrics like watch time and CTR on a dashboard. For the model I'd watch for data drift in the features and retrain periodically, for example every day. It's also good to have a feature store so training and serving use the same features.`,
      `I'd look at the dashboards to see when it started and whether it lines up with a model release or a data change. Then I'd check the input features for drift and compare the current model with an older version. If it's the model, retraining should help.`,
    ],
  },

  weak: {
    "clarify-requirements": [
      `I'd want to maximize clicks, since clicks show that people like the videos. We can worry about latency later. I'd just need to know what kind of videos they have.`,
      `Probably a few thousand requests per second. We can always add more servers if that's not enough.`,
    ],
    "frame-problem": [
      `It's a classification problem: for each user we classify each video as click or no click and rank all videos by that probability. The top ones go on the homepage.`,
      `I'm not sure we need stages. One good model can score everything if we use enough GPUs.`,
    ],
    "data-preparation": [
      `We'd use the click logs: every click is positive and everything else is negative. Then we do a random split, 80/20, for train and test. The features would be the user id and the video id.`,
      `The model should figure that out by itself if we have enough data. Position shouldn't matter much.`,
    ],
    "model-development": [
      `I'd skip the baseline and start with a transformer, since those are state of the art. It would take the user's history and predict the next video.`,
      `It would get a random embedding until the model is retrained. We retrain every day, so it's fine after a day.`,
    ],
    evaluation: [
      `I'd use accuracy on the test set, and if it's better than the old model we ship it. Maybe also look at precision.`,
      `Maybe the test was too short or there was a bug. I'd trust the offline results because they use more data.`,
    ],
    "deployment-serving": [
      `We precompute the homepage once a day for every user in a daily batch job and store it in a cache, so serving is fast. If the cache is missing we just return an error.`,
      `Not that much, the vectors are small. It should fit on one server.`,
    ],
    monitoring: [
      `I'd only monitor watch time and CTR, and if they go down we retrain. New models get deployed automatically every day.`,
      `I'd retrain the model on more recent data and see if that fixes it.`,
    ],
  },

  keywords: {
    "clarify-requirements": [
      `Watch time, satisfaction, valued watch time, daily active users, retention, clickbait, long-term engagement. DAU, 500 million, corpus size, 200 million videos, uploads per day, peak QPS, 90k. Latency budget, p99, 150 ms, 300 ms, mobile, TV, logged-out, timeout. Cold start, new users, new uploads, freshness, 10 minutes, exploration, recency. Privacy, made for kids, COPPA, history deletion, Digital Services Act, non-personalized feed, borderline content, creator exposure. Out of scope, stakeholders, guardrail metrics, trust and safety, north star, launch criteria.`,
      `Peak QPS, requests per second, 90k, DAU, 500 million, 2.5 billion, 29k, 3x peak factor, headroom, multi-region, autoscaling.`,
    ],
    "frame-problem": [
      `Candidate generation, two-stage, retrieval, ranking, re-ranking, funnel, candidate sources, few thousand. Extreme multiclass, sampled softmax, next watch, two-tower, dot product, nearest neighbor, embedding space. Multi-task, p(click), expected watch time, value score, weighted sum, dismissal, survey. Pointwise, pairwise, listwise, slate, calibrated, diversity. Long-term value, REINFORCE, off-policy, feedback loop, myopic, objective weights, Pareto.`,
      `Few thousand, 2,000, 500, 16 tiles, pre-ranker, candidate sources, recall@k, top-k, latency budget, cost-precision trade-off.`,
    ],
    "data-preparation": [
      `Impressions, watch time, completion rate, dismissal, not interested, survey, implicit feedback, explicit feedback. Watch history, search history, video id embedding, example age, times shown, content embedding, cross features. Position bias, selection bias, duration bias, popularity bias, shallow tower, inverse propensity, exploration traffic, randomization. In-batch negatives, logQ correction, mixed negatives, negative downsampling, recalibration, examples per user. Time-based split, point-in-time, feature logging, leakage, training-serving skew, lineage, data retention, data contracts.`,
      `Shallow tower, position feature, bias tower, position dropout, debiasing, fixed at serving, randomization, exploration traffic, inverse propensity.`,
    ],
    "model-development": [
      `Baseline, popularity, co-watch, co-visitation, item-to-item, subscriptions, logistic regression, GBDT. Two-tower, user tower, item tower, dot product, in-batch negatives, sampled softmax, logQ, 256 dimensions. Multi-task, MMoE, mixture of experts, shared bottom, weighted logistic regression, task heads, DCN. Bias tower, position dropout. Candidate sources, fresh uploads, trending, quotas. Embedding sharding, parameter server, continuous training, warm start, hashing trick, incremental training.`,
      `Cold start, OOV bucket, hashing trick, id dropout, content embedding, metadata features, example age, fresh uploads, exploration slot, incremental insert.`,
    ],
    evaluation: [
      `Recall@k, recall@1000, hit rate, coverage, full corpus, per source. AUC, NDCG, LogLoss, calibration, normalized entropy, per head. A/B test, user-level randomization, watch time per user, daily active, guardrail, novelty effect, two weeks, statistical power. Off-policy evaluation, inverse propensity, logging policy, interleaving, counterfactual, clipping. Slices, new users, logged-out, small creators, long tail, Gini. Long-term holdout, CUPED, surrogate metrics, launch review.`,
      `Offline-online gap, selection bias, logging policy, counterfactual, training-serving skew, statistical power, CUPED, novelty effect, interleaving.`,
    ],
    "deployment-serving": [
      `ANN, HNSW, ScaNN, IVF-PQ, feature store, candidate sources, ranking service, re-ranking. Latency budget, p99, 30 ms, 60 ms, parallel fan-out, timeouts, partial results, tail latency. Diversity, DPP, MMR, channel cap, dedupe watched, exploration slot, borderline demotion, business rules. 87k QPS, 205 GB, product quantization, int8, sharding, replicas, GPU batching. Index refresh, incremental insert, atomic swap, embedding versioning. Graceful degradation, cached feed, load shedding, canary, shadow traffic, multi-region.`,
      `205 GB, product quantization, int8, IVF-PQ, 64 bytes, sharding, replicas, compression, recall vs latency.`,
    ],
    monitoring: [
      `p99 latency, error rate, fallback rate, timeout rate, empty results, per-source contribution. Feature drift, schema validation, null rate, PSI, KL divergence, prediction distribution, calibration drift, alerting. Training-serving skew, logged features, feature parity, feature store. Feedback loop, popularity bias, filter bubble, exploration budget, coverage, concentration. Daily retraining, continuous training, model registry, validation gate, rollback, canary. SLO, on-call, runbook, deprecation.`,
      `Silent failure, drift, slicing, dashboards, alerting, holdback, calibration, concentration, root cause analysis, rollback.`,
    ],
  },
};
