/**
 * The demo study's codebook: six themes from the study's results, each with children.
 * Keys are stable identifiers used by the utterance banks to say what an utterance
 * expresses; names, criteria and examples are what the app shows.
 */

export const PARENT_KEYS = ['channels', 'digital', 'sources', 'elections', 'forms', 'trust'] as const;
export type ParentKey = (typeof PARENT_KEYS)[number];

export type ChildKey =
  // channels to authorities
  | 'akimat'
  | 'eotinish'
  | 'collective'
  | 'resonance'
  | 'connections'
  | 'media'
  | 'courts'
  | 'deputies'
  // digital participation
  | 'petitions'
  | 'posts'
  | 'reposts'
  | 'comments'
  // information sources
  | 'instagram'
  | 'tiktok'
  | 'telegram'
  | 'youtube'
  | 'akimat_pages'
  | 'portals'
  | 'word_of_mouth'
  | 'tv'
  // meaning of elections
  | 'duty'
  | 'pointless'
  | 'hope'
  | 'mobilised'
  | 'local_choice'
  // desired forms of participation
  | 'hearings'
  | 'referendums'
  | 'maslikhat'
  | 'volunteering'
  | 'platforms'
  | 'disengaged'
  // trust in institutions
  | 'distrust'
  | 'fear'
  | 'local_solvable';

export type CodeKey = ParentKey | ChildKey;

export interface CodeDefinition {
  key: CodeKey;
  /** The parent's key; absent for a top-level theme. */
  parent?: ParentKey;
  name: string;
  /** #RRGGBB, readable as a translucent highlight behind text. */
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  /** A single key that applies the code in the editor. */
  shortcut?: string;
}

/** Parents first, each followed by its children; the array order is the sort order. */
export const CODEBOOK: readonly CodeDefinition[] = [
  {
    key: 'channels',
    name: 'Channels to authorities',
    color: '#2563EB',
    description: 'How participants contact the state or try to get an authority to act on a problem.',
    inclusion: 'Any account or evaluation of a route to officials, tried or merely known.',
    exclusion: 'Where people get news (Information sources); online activity not addressed to an authority (Digital participation).',
    example: '“When something breaks in the yard, I know whom to call.”',
  },
  {
    key: 'akimat',
    parent: 'channels',
    name: 'Akimat appeals and receptions',
    color: '#3B82F6',
    shortcut: '1',
    description: 'Written or oral appeals to the city or district akimat: personal receptions, meetings of the akim with residents, the 109 call centre, letters to the chancellery.',
    inclusion: 'Appeals addressed to the akimat or its departments, whatever the medium except e-Otinish / eGov.',
    exclusion: 'Appeals through e-Otinish or eGov (e-Otinish / eGov); posts tagging the akimat (Social-media resonance).',
    example: '“I waited a month for the district akim’s reception and was seen by his deputy.”',
  },
  {
    key: 'eotinish',
    parent: 'channels',
    name: 'e-Otinish / eGov',
    color: '#0EA5E9',
    shortcut: '2',
    description: 'Appeals and services through the state digital platforms e-Otinish and eGov.',
    inclusion: 'Filing complaints, requests or receptions on e-Otinish or eGov; judgements of how they work.',
    exclusion: 'Comments under an akimat’s social-media post (Comments, Social-media resonance).',
    example: '“I filed a complaint about the management company on e-Otinish and got a reply in two weeks.”',
  },
  {
    key: 'collective',
    parent: 'channels',
    name: 'Collective appeals',
    color: '#06B6D4',
    description: 'Neighbours, parents or colleagues acting together: joint letters, signature lists, going to officials as a group.',
    inclusion: 'Any appeal made in the name of several people.',
    exclusion: 'Online petitions to national bodies (Online petitions) unless the group also brings them to officials.',
    example: '“The whole building signed a letter about the lighting; only then did they move.”',
  },
  {
    key: 'resonance',
    parent: 'channels',
    name: 'Social-media resonance',
    color: '#6366F1',
    shortcut: '3',
    description: 'Getting a reaction by making a problem visible on social media: videos, posts that tag the akimat, viral complaints.',
    inclusion: 'The participant links a public post or video to a reaction (or its absence) by officials.',
    exclusion: 'Posting without any reference to an authority reacting (Posts).',
    example: '“I posted the pothole on Instagram and tagged the akimat; two days later it was filled.”',
  },
  {
    key: 'connections',
    parent: 'channels',
    name: 'Personal connections',
    color: '#818CF8',
    description: 'Relatives, acquaintances or insiders used to get a problem solved or to learn how to proceed.',
    inclusion: 'Solving or speeding up a matter through someone one knows.',
    exclusion: 'Learning news from acquaintances (Chats and word of mouth).',
    example: '“My cousin works in the education department; she helped with the kindergarten place.”',
  },
  {
    key: 'media',
    parent: 'channels',
    name: 'Media and bloggers',
    color: '#0284C7',
    description: 'Turning to journalists, TV channels or bloggers so that they raise a problem.',
    inclusion: 'Contacting or relying on media and bloggers as intermediaries to authorities.',
    exclusion: 'Consuming media as a news source (Information sources).',
    example: '“A local TV crew filmed our crumbling five-storey block.”',
  },
  {
    key: 'courts',
    parent: 'channels',
    name: 'Courts and prosecutors',
    color: '#38BDF8',
    description: 'Legal routes: lawsuits, complaints to the prosecutor’s office.',
    inclusion: 'Any use or consideration of courts or prosecutors to settle a problem.',
    exclusion: 'Mentions of the law without an attempt at legal action (code the channel used).',
    example: '“I spent a year and a half in court over unpaid wages.”',
  },
  {
    key: 'deputies',
    parent: 'channels',
    name: 'Deputies',
    color: '#4F46E5',
    description: 'Contacting maslikhat or Mazhilis deputies about a problem.',
    inclusion: 'Appeals or meetings with an elected deputy as a channel.',
    exclusion: 'Wishes about how councils should work (Local councils / maslikhat).',
    example: '“We went to our maslikhat deputy as a whole courtyard.”',
  },
  {
    key: 'digital',
    name: 'Digital participation',
    color: '#9333EA',
    description: 'Taking part in public life online.',
    inclusion: 'Online civic or political activity, or reasons for not taking part online.',
    exclusion: 'Reading news online without acting (Information sources).',
    example: '“Digital participation is for city people; my parents’ village barely has internet.”',
  },
  {
    key: 'petitions',
    parent: 'digital',
    name: 'Online petitions',
    color: '#A855F7',
    shortcut: '4',
    description: 'Signing, starting or judging online petitions, including the official e-Petition platform.',
    inclusion: 'Any mention of online petitions.',
    exclusion: 'Paper signature lists handed to officials (Collective appeals).',
    example: '“I signed a petition against cutting down the trees in the park.”',
  },
  {
    key: 'posts',
    parent: 'digital',
    name: 'Posts',
    color: '#C084FC',
    description: 'Writing one’s own posts or videos about public matters.',
    inclusion: 'Authoring content on social media about a public problem.',
    exclusion: 'Sharing someone else’s content (Reposts).',
    example: '“I write posts about the problems of our district.”',
  },
  {
    key: 'reposts',
    parent: 'digital',
    name: 'Reposts',
    color: '#D946EF',
    description: 'Sharing others’ posts to spread a civic message.',
    inclusion: 'Reposting, forwarding to chats, sharing.',
    exclusion: 'Only reading or liking without sharing.',
    example: '“I mostly repost; writing isn’t my thing.”',
  },
  {
    key: 'comments',
    parent: 'digital',
    name: 'Comments',
    color: '#E879F9',
    description: 'Writing or reading comments under posts of officials and news portals.',
    inclusion: 'Commenting as a form of voice, and views about comment sections.',
    exclusion: 'Direct messages to an akimat account (Akimat appeals and receptions).',
    example: '“I comment under the akim’s posts, politely but to the point.”',
  },
  {
    key: 'sources',
    name: 'Information sources',
    color: '#16A34A',
    description: 'Where participants learn about events in their city and the country.',
    inclusion: 'Any named source of news or of civic information.',
    exclusion: 'Channels used to address authorities (Channels to authorities).',
    example: '“I keep up through Facebook; the discussions there are more serious.”',
  },
  {
    key: 'instagram',
    parent: 'sources',
    name: 'Instagram',
    color: '#22C55E',
    shortcut: '5',
    description: 'Instagram accounts and city public pages as a source of news.',
    inclusion: 'Getting information from Instagram.',
    exclusion: 'Instagram used to complain to officials (Social-media resonance).',
    example: '“Everything about the city I learn on Instagram.”',
  },
  {
    key: 'tiktok',
    parent: 'sources',
    name: 'TikTok',
    color: '#84CC16',
    description: 'TikTok videos as a source of news or explanations.',
    inclusion: 'Getting information from TikTok, including officials’ own videos.',
    exclusion: 'Posting one’s own videos (Posts).',
    example: '“News sometimes appears on TikTok before the websites.”',
  },
  {
    key: 'telegram',
    parent: 'sources',
    name: 'Telegram',
    color: '#10B981',
    shortcut: '6',
    description: 'Telegram channels, including official and anonymous ones.',
    inclusion: 'Getting information from Telegram channels.',
    exclusion: 'Telegram bots used to file complaints (Akimat appeals and receptions).',
    example: '“I read five Telegram channels on the bus every morning.”',
  },
  {
    key: 'youtube',
    parent: 'sources',
    name: 'YouTube',
    color: '#14B8A6',
    description: 'YouTube interviews, podcasts, live streams.',
    inclusion: 'Getting information from YouTube.',
    exclusion: '',
    example: '“On YouTube people explain things in detail.”',
  },
  {
    key: 'akimat_pages',
    parent: 'sources',
    name: 'Official akimat pages',
    color: '#65A30D',
    description: 'Official accounts and sites of city and regional akimats and other state bodies.',
    inclusion: 'Reading official pages, including judgements of their usefulness.',
    exclusion: 'Commenting under them (Comments).',
    example: '“The akimat’s page is all reports: the akim visited, the akim opened.”',
  },
  {
    key: 'portals',
    parent: 'sources',
    name: 'News portals',
    color: '#34D399',
    description: 'News websites (Tengrinews, Kazinform, Orda, Vlast and others).',
    inclusion: 'Reading news sites and comparing them.',
    exclusion: 'Television channels (Television and radio).',
    example: '“I compare two or three sites before I believe a story.”',
  },
  {
    key: 'word_of_mouth',
    parent: 'sources',
    name: 'Chats and word of mouth',
    color: '#059669',
    description: 'WhatsApp chats of buildings, parents and colleagues; relatives and neighbours.',
    inclusion: 'Information passed on by people one knows, in person or in group chats.',
    exclusion: 'Solving problems through acquaintances (Personal connections).',
    example: '“Our building’s WhatsApp chat tells us when the heating comes on.”',
  },
  {
    key: 'tv',
    parent: 'sources',
    name: 'Television and radio',
    color: '#4ADE80',
    description: 'Broadcast television and radio news.',
    inclusion: 'Watching TV news or listening to the radio.',
    exclusion: 'TV crews as a way to raise a problem (Media and bloggers).',
    example: '“In the evening I watch the news on Khabar.”',
  },
  {
    key: 'elections',
    name: 'Meaning of elections',
    color: '#DC2626',
    description: 'What voting and elections mean to the participant.',
    inclusion: 'Views, feelings and practices about elections and referendums as votes.',
    exclusion: 'Wishes for new forms of participation (Desired forms of participation).',
    example: '“Before elections they start repairing the roads.”',
  },
  {
    key: 'duty',
    parent: 'elections',
    name: 'Civic duty',
    color: '#EF4444',
    shortcut: '7',
    description: 'Voting as a duty, a right to be used, or a habit passed on in the family.',
    inclusion: 'Going to vote because one should.',
    exclusion: 'Voting because the employer demands it (Mobilised voting).',
    example: '“If you don’t vote, don’t complain afterwards.”',
  },
  {
    key: 'pointless',
    parent: 'elections',
    name: 'Pointless / predetermined',
    color: '#F87171',
    shortcut: '8',
    description: 'Elections seen as a formality whose result is known in advance.',
    inclusion: 'Not voting or voting without belief because nothing depends on it.',
    exclusion: 'General distrust of officials not tied to elections (Formal replies, distrust).',
    example: '“It is all decided in advance; we come for the picture.”',
  },
  {
    key: 'hope',
    parent: 'elections',
    name: 'Hope for change',
    color: '#F43F5E',
    description: 'Elections as a chance for new people or slow change.',
    inclusion: 'Hope or belief that voting can change something.',
    exclusion: '',
    example: '“Elections are the hope that new, young people will come.”',
  },
  {
    key: 'mobilised',
    parent: 'elections',
    name: 'Mobilised voting',
    color: '#FB7185',
    description: 'Voting organised or pressed for by employers, colleges or state institutions.',
    inclusion: 'Accounts of being sent, reminded or photographed at the polling station.',
    exclusion: 'Voluntary voting (Civic duty).',
    example: '“At work we take a photo at the ballot box and send it to the boss’s chat.”',
  },
  {
    key: 'local_choice',
    parent: 'elections',
    name: 'Local elections matter',
    color: '#E11D48',
    description: 'Local votes (maslikhat, akims, single-member districts) seen as the ones that count.',
    inclusion: 'Preferring or valuing elections of people one knows or who answer locally.',
    exclusion: '',
    example: '“I care more about who will be the city akim than who sits in parliament.”',
  },
  {
    key: 'forms',
    name: 'Desired forms of participation',
    color: '#D97706',
    description: 'How participants would like to take part in political decisions, if at all.',
    inclusion: 'Wishes, conditions and refusals about taking part in decisions.',
    exclusion: 'Past experience of contacting officials (Channels to authorities).',
    example: '“For me the residents’ meeting is where decisions really touch my life.”',
  },
  {
    key: 'hearings',
    parent: 'forms',
    name: 'Public hearings',
    color: '#F59E0B',
    shortcut: '9',
    description: 'Public hearings, akims’ reports to residents, open discussions.',
    inclusion: 'Wanting or judging face-to-face public discussions of decisions.',
    exclusion: 'Meetings of elected councils (Local councils / maslikhat).',
    example: '“Hearings on tariffs are held at nine in the morning; who can go?”',
  },
  {
    key: 'referendums',
    parent: 'forms',
    name: 'Referendums',
    color: '#FBBF24',
    description: 'National or local referendums, including the 2024 referendum on the nuclear power plant.',
    inclusion: 'Any mention of referendums as a form of participation.',
    exclusion: '',
    example: '“A referendum is the honest form: ask people directly.”',
  },
  {
    key: 'maslikhat',
    parent: 'forms',
    name: 'Local councils / maslikhat',
    color: '#F97316',
    description: 'Maslikhats, public councils, youth and neighbourhood councils as forms of participation.',
    inclusion: 'Wishing to join, watch or meet such councils.',
    exclusion: 'A deputy used as a channel for a concrete problem (Deputies).',
    example: '“I would like ordinary people in the maslikhat, not only bosses.”',
  },
  {
    key: 'volunteering',
    parent: 'forms',
    name: 'Volunteering',
    color: '#FB923C',
    description: 'Volunteering, clean-ups, charity as participation.',
    inclusion: 'Helping concretely and seeing it as taking part.',
    exclusion: '',
    example: '“During the floods we collected clothes and delivered food.”',
  },
  {
    key: 'platforms',
    parent: 'forms',
    name: 'Online platforms',
    color: '#EAB308',
    description: 'Online voting on local projects, participatory budgets, apps for feedback.',
    inclusion: 'Using or wanting online tools to decide or evaluate.',
    exclusion: 'Online petitions (Online petitions).',
    example: '“An app where I can vote on projects in my district would be ideal.”',
  },
  {
    key: 'disengaged',
    parent: 'forms',
    name: 'No wish to take part',
    color: '#CA8A04',
    description: 'Refusal or lack of interest in taking part, or not knowing how.',
    inclusion: 'Explicit disinterest, withdrawal or not knowing where to start.',
    exclusion: 'Refusal explained by fear of consequences (code Fear of consequences as well).',
    example: '“My business is work and family; let those who care do politics.”',
  },
  {
    key: 'trust',
    name: 'Trust in institutions',
    color: '#57534E',
    description: 'How far participants trust authorities to listen and act.',
    inclusion: 'Evaluations of officials’ responsiveness and of the risks of speaking up.',
    exclusion: '',
    example: '',
  },
  {
    key: 'distrust',
    parent: 'trust',
    name: 'Formal replies, distrust',
    color: '#78716C',
    description: 'Form letters, postponed receptions, being sent from office to office; the belief that nothing changes.',
    inclusion: 'Complaints about formal or absent responses and about decisions made “above”.',
    exclusion: 'Elections specifically (Pointless / predetermined).',
    example: '“The akimat sends you to the housing cooperative, the cooperative sends you back.”',
  },
  {
    key: 'fear',
    parent: 'trust',
    name: 'Fear of consequences',
    color: '#A8A29E',
    description: 'Caution or fear of trouble at work or with the police after speaking up.',
    inclusion: 'Self-censorship and its reasons.',
    exclusion: '',
    example: '“Write about a pothole — fine; about the government — no.”',
  },
  {
    key: 'local_solvable',
    parent: 'trust',
    name: 'Small local problems get solved',
    color: '#64748B',
    description: 'The smaller and more local the problem, the likelier a response.',
    inclusion: 'Accounts of a concrete local problem fixed after an appeal, or the view that only such problems get fixed.',
    exclusion: '',
    example: '“A pothole or a streetlight they will fix; tariffs — useless.”',
  },
];

/** The definition for a key; throws on an unknown key (a typo in a bank). */
export function codeDefinition(key: CodeKey): CodeDefinition {
  const def = CODEBOOK.find((c) => c.key === key);
  if (!def) throw new Error(`Unknown code key ${key}`);
  return def;
}

/** The other children of the same parent (empty for a top-level code). */
export function siblingKeys(key: CodeKey): CodeKey[] {
  const parent = codeDefinition(key).parent;
  if (!parent) return [];
  return CODEBOOK.filter((c) => c.parent === parent && c.key !== key).map((c) => c.key);
}
