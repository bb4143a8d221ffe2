/**
 * Common passwords, refused as new passwords (shipped with the app; nothing is downloaded).
 *
 * Passwords shorter than 12 characters are refused anyway, so what matters is how people
 * stretch a common password to 12: a common word or name with digits, years or symbols
 * appended, a word repeated, a run of one character, a sequence (123456789012, abcdefghijkl),
 * a keyboard walk (in the Latin and the Russian/Kazakh layouts), or one of the long
 * passwords that top the leaked lists. `COMMON_LONG` lists those literally; `COMMON_WORDS`
 * (the words and names of the common-password lists, in English, Russian, Kazakh and their
 * transliterations) is combined with the stretching rules in `isCommonPassword`, which
 * covers tens of thousands of variants (`commonPasswordVariants` enumerates the rules' usual
 * ones for the tests).
 */

/** Words and names that top the common-password lists (lower case). */
export const COMMON_WORDS: readonly string[] = `
password passw0rd p@ssword p@ssw0rd pass passwd secret letmein welcome welcome1 admin administrator root
qwerty qwertyuiop qwertz azerty asdf asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx 1qaz2wsx zaq1xsw2 1q2w3e 1q2w3e4r
1q2w3e4r5t q1w2e3r4 abc abcd abcdef abc123 iloveyou iloveu loveyou ilovegod love lovely lover
monkey dragon football baseball basketball soccer hockey tennis golf master superman batman spiderman
ironman starwars pokemon naruto minecraft fortnite roblox killer hunter ranger shadow sunshine princess
flower freedom whatever trustno1 michael jennifer jordan jordan23 michelle daniel andrew joshua thomas
charlie jessica ashley amanda nicole matthew anthony william robert george harley hannah samantha
buster ginger tigger pepper maggie bailey cookie chocolate cheese summer winter spring autumn
computer internet google yahoo facebook instagram telegram whatsapp youtube tiktok apple samsung
nothing something everything forever friends family mother father sister brother baby angel angels
jesus christ heaven blessed faith hope peace happy smile magic dream dreams secret1 hello hello1
test tester testing guest user default changeme change temp temporary login logon access office
company business money dollar bitch fuckyou fuck sex sexy pussy asshole 696969 cowboy diamond
silver golden gold orange banana purple yellow blue green black white red rainbow
liverpool chelsea arsenal manchester barcelona realmadrid juventus
mustang ferrari porsche mercedes corvette yamaha
qwerty123 qwe123 asd123 zxc123 aaa111 abc123456 pass123 pass1234 admin123 root123 user123 test123
demo demopassword demo-password fgcoder coder focusgroup research university student teacher
parol parol123 parolparol privet lubov lyubov lyublyu ilovevika natasha nastya nastenka masha maria
marina olga tanya tatiana irina svetlana sveta ekaterina katya katerina anna anya elena lena yulia
julia oksana alexandr alexander aleksandr sasha sergey sergei dmitry dima andrey alexey alex maksim
maxim ivan vladimir vova mikhail misha nikolay kolya pavel artem denis roman igor oleg
moskva moscow russia rossiya kazakhstan qazaqstan almaty almaty2024 astana nursultan shymkent
karaganda pavlodar semey aktau aktobe kyzylorda taraz kazakh qazaq
aigerim aizhan aliya aruzhan dana dinara gulnara zhanna saule asel ainur madina nurlan
daniyar yerlan erlan serik bolat askar timur arman almas nurzhan azamat bauyrzhan
zenit spartak dinamo lokomotiv
пароль пароль123 парольпароль привет любовь люблю люблютебя солнце солнышко котик зайка
наташа настя маша мария марина ольга таня татьяна ирина светлана катя екатерина анна елена
юля оксана саша александр сергей дима андрей алексей максим иван владимир миша павел артем
денис роман игорь олег москва россия казахстан алматы астана
құпиясөз құпия сөз қазақстан қазақ алматы астана айгерім айжан әлия аружан гүлнара жанна
сәуле әсел айнұр мадина нұрлан данияр ерлан серік болат асқар тимур арман алмас азамат бауыржан
`.trim().split(/\s+/);

/** Long passwords from the top of the leaked lists (lower case). */
export const COMMON_LONG: readonly string[] = `
123456789012 1234567890123 12345678901234 123456789123 1234567890qwerty qwerty1234567890
qwertyuiopasdfghjklzxcvbnm qwertyuiopasdfgh qwertyuiopasdfghjkl qwertyuiop123 qwertyuiop1234
1q2w3e4r5t6y 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p q1w2e3r4t5y6 q1w2e3r4t5y6u7i8o9p0
1qaz2wsx3edc 1qaz2wsx3edc4rfv zaq12wsxcde3 zaq1xsw2cde3 !qaz2wsx#edc 1qazxsw23edc qazwsxedcrfv
qazwsxedcrfvtgb qweasdzxc123 qweasdzxcqwe 123qweasdzxc zxcvbnm12345 asdfghjkl123 asdfghjkl1234
passwordpassword password1234 password12345 password123456 password1234567 password123! password2024
iloveyou1234 iloveyou123456 iloveyouforever abcdefghijkl abcdefghijklm abcdefghijklmnop abcd1234abcd
abc123abc123 aaaaaaaaaaaa 111111111111 000000000000 121212121212 123123123123 112233445566
11223344556677 123321123321 987654321987 098765432109 147258369147 159753159753 789456123789
administrator1 administrator123 changeme1234 welcome12345 letmein12345 trustno1trustno1
йцукенгшщзхъ йцукенгшщзхъфывапролджэ фывапролджэ ячсмитьбю йцукен123456 пароль123456 парольпароль
`.trim().split(/\s+/);

const words = new Set(COMMON_WORDS);
const long = new Set(COMMON_LONG);

/** Rows of the keyboard, Latin and Russian (ЙЦУКЕН) layouts, with the digit row. */
const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];

/** Digits, punctuation, symbols and spaces people pad a word with. */
const PADDING = /^[\p{N}\p{P}\p{S}\s]*$/u;

function isRun(s: string): boolean {
  return /^(.)\1*$/su.test(s);
}

/** Each character one code point after (or before) the previous: 123456789012 wraps 9→0. */
function isSequence(s: string): boolean {
  const cs = [...s].map((c) => c.codePointAt(0)!);
  const step = (a: number, b: number) => {
    if (b - a === 1 || a - b === 1) return b - a;
    if (a === 57 && b === 48) return 1; // 9 → 0
    if (a === 48 && b === 57) return -1;
    return 0;
  };
  const first = step(cs[0], cs[1]);
  return first !== 0 && cs.slice(1).every((c, i) => step(cs[i], c) === first);
}

/** Along a keyboard row (or several in a row), forwards or backwards. */
function isKeyboardWalk(s: string): boolean {
  for (const text of [s, [...s].reverse().join('')]) {
    let rest = text;
    while (rest.length > 0) {
      const row = ROWS.find((r) => rest.startsWith(r.slice(0, Math.min(3, rest.length))) && rest.length >= 3);
      if (!row) return false;
      let n = 0;
      while (n < row.length && rest[n] === row[n]) n++;
      if (n < 3 && n < rest.length) return false;
      rest = rest.slice(n);
    }
    return true;
  }
  return false;
}

/** The same short unit repeated (qwertyqwerty, abcabcabcabc, 12341234…). */
function isRepetition(s: string): boolean {
  const cs = [...s];
  for (let unit = 1; unit <= cs.length / 2; unit++) {
    if (cs.length % unit !== 0) continue;
    const u = cs.slice(0, unit).join('');
    if (u.repeat(cs.length / unit) === s) return true;
  }
  return false;
}

/** True when the password is, or is made from, a common password as described above. */
export function isCommonPassword(password: string): boolean {
  const p = password.trim().toLowerCase();
  if (long.has(p) || words.has(p)) return true;
  if (isRun(p) || isSequence(p) || isKeyboardWalk(p) || isRepetition(p)) return true;
  // A common word (or a repetition, run or walk) with padding before or after it.
  const cs = [...p];
  const isBase = (w: string) => words.has(w) || long.has(w) || (w.length >= 3 && (isRepetition(w) || isKeyboardWalk(w) || isSequence(w)));
  for (let i = 1; i < cs.length; i++) {
    const head = cs.slice(0, i).join('');
    const tail = cs.slice(i).join('');
    if (PADDING.test(tail) && (isBase(head) || head.length <= 4)) return true;
    if (PADDING.test(head) && (isBase(tail) || tail.length <= 2)) return true;
  }
  const m = /^([\p{N}\p{P}\p{S}\s]*)(.*?)([\p{N}\p{P}\p{S}\s]*)$/u.exec(p);
  const core = m ? m[2] : p;
  if (core !== p && core.length > 0 && isBase(core)) return true;
  // Two common words glued together (loveyouforever, sunshineprincess), with optional padding.
  const body = [...core];
  for (let i = 3; i <= body.length - 3; i++) {
    if (words.has(body.slice(0, i).join('')) && words.has(body.slice(i).join(''))) return true;
  }
  // Capitalised or with a word separator: "Qwerty 2024", "sun-shine"
  const squeezed = core.replace(/[\s._-]+/g, '');
  if (squeezed !== core && (words.has(squeezed) || long.has(squeezed))) return true;
  return false;
}

/** The variants the rules are meant to catch, for the tests (and anyone reviewing them). */
export function commonPasswordVariants(): string[] {
  const suffixes = ['1', '12', '123', '1234', '12345', '123456', '1234567', '!', '!!', '1!', '123!', '2024', '2025', '2026', '1990', '01', '007', '777', '69', '@123', '#1'];
  const out = new Set<string>(COMMON_LONG);
  for (const w of COMMON_WORDS) {
    for (const s of suffixes) out.add(w + s);
    out.add(w + w);
    out.add(`${w[0].toUpperCase()}${w.slice(1)}2024!`);
  }
  return [...out].filter((p) => [...p].length >= 12);
}
