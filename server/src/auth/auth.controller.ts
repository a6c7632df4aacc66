import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Patch,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AuthSettings } from './auth-settings';
import { AUTH_SETTINGS } from './auth-settings.token';
import { AuthService, type Me } from './auth.service';
import { type Caller, sessionIdOf } from './caller';
import { CurrentUser } from './decorators/current-user.decorator';
import { Public } from './decorators/public.decorator';
import { ChangePasswordDto, LoginDto, MeResponse, UpdateProfileDto } from './dto/auth.dto';
import { clearSessionCookie, sessionTokenOf, writeSessionCookie } from './session-cookie';

@ApiTags('登录与会话')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: LoginDto })
  @ApiOperation({
    summary: '登录：设置 cf_session 会话 Cookie（按客户端地址限流，连续失败锁定账号）',
  })
  @ApiOkResponse({ type: MeResponse })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const { token, me } = await this.auth.login(body.username, body.password);
    await this.auth.endPrevious(sessionTokenOf(request));
    writeSessionCookie(response, request, token, this.settings);
    return me;
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(sessionIdOf(request)!);
    clearSessionCookie(response, request, this.settings);
  }

  @Get('me')
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() caller: Caller): Promise<Me> {
    return this.auth.meOf(caller);
  }

  @Patch('me')
  @ApiBody({ type: UpdateProfileDto })
  @ApiOperation({ summary: '修改本人联系方式与通知渠道（邮件、短信）' })
  @ApiOkResponse({ type: MeResponse })
  updateProfile(@CurrentUser() caller: Caller, @Body() body: UpdateProfileDto): Promise<Me> {
    return this.auth.updateProfile(caller, body);
  }

  @Post('password')
  @ApiBody({ type: ChangePasswordDto })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '修改本人密码：需当前密码；其他会话全部失效，本浏览器换发新会话' })
  @ApiNoContentResponse()
  async changePassword(
    @CurrentUser() caller: Caller,
    @Body() body: ChangePasswordDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const token = await this.auth.changePassword(
      caller,
      sessionIdOf(request)!,
      body.currentPassword,
      body.newPassword,
    );
    writeSessionCookie(response, request, token, this.settings);
  }
}
