import { describe, expect, it } from 'vitest';
import { directive } from './checks';
import { cookiesOf, flightText } from './http';

describe('the security checks read', () => {
  it('a directive of a policy', () => {
    const p = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; object-src 'none'";
    expect(directive(p, 'script-src')).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(directive(p, 'style-src')).toBeNull();
  });

  it("a page's flight payload, where client components' props are", () => {
    const props = JSON.stringify({ callbackUrl: '/\\evil.example' });
    const html = `<script>self.__next_f.push([1,${JSON.stringify(`5:["$","form",null,${props}]`)}])</script><script>self.__next_f.push([1,"\\n"])</script>`;
    const text = flightText(html);
    expect(text).toContain('"callbackUrl":"/\\\\evil.example"');
    const value = JSON.parse(/"callbackUrl":("(?:[^"\\]|\\.)*")/.exec(text)![1]);
    expect(value).toBe('/\\evil.example');
    expect(new URL(value, 'http://localhost:3000').host).toBe('evil.example');
  });

  it('cookies set by answers, later ones replacing earlier ones of the same name', () => {
    const res = new Response(null, { headers: [['set-cookie', 'a=2; Path=/; HttpOnly'], ['set-cookie', 'b=3; Path=/']] });
    expect(cookiesOf(res, 'a=1; c=4')).toBe('a=2; c=4; b=3');
  });
});
